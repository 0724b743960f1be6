// contactdesk: the desktop app. Opens (or creates) the SQLite store, fills a new one with demo
// contacts in the background, and shows the main window.

#include "MainWindow.h"
#include "MessageBox.h"
#include "domain/PhoneNormalizer.h"
#include "io/DemoData.h"
#include "store/AppSettings.h"
#include "store/ContactStore.h"
#include "store/Database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QIcon>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

using namespace ContactDesk;

namespace {

constexpr int DemoContacts = 5000;
constexpr quint64 DemoSeed = 2026;

void fillDemo(QPromise<QString>& promise, const QString& path, const QString& region)
{
    ScopedConnection connection(path, QStringLiteral("demo"));
    if (!connection.status()) {
        promise.addResult(connection.status().error().toString());
        return;
    }
    promise.setProgressRange(0, DemoContacts);
    auto result = DemoData::fill(connection.database(), PhoneNormalizer(region), DemoContacts, DemoSeed,
                                 [&promise](int done, int) {
                                     promise.setProgressValue(done);
                                     return !promise.isCanceled();
                                 });
    promise.addResult(result ? QString() : result.error().toString());
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("contactdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("ContactDesk"));
    QApplication::setApplicationVersion(QStringLiteral(CONTACTDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.contactdesk.ContactDesk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/contactdesk.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "ContactDesk, a desktop CRM for sales reps."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QApplication::translate("main", "Use the SQLite database at PATH."),
                                            QStringLiteral("PATH"), AppSettings::defaultDatabasePath());
    const QCommandLineOption regionOption(
        QStringLiteral("region"), QApplication::translate("main", "Default phone region CC (e.g. US, DE)."),
        QStringLiteral("CC"));
    const QCommandLineOption noDemoOption(QStringLiteral("no-demo"),
                                          QApplication::translate("main", "Do not fill a new database with demo contacts."));
    parser.addOptions({databaseOption, regionOption, noDemoOption});
    parser.process(app);

    const QString path = parser.value(databaseOption);
    const bool fresh = !QFileInfo::exists(path);
    QString region = parser.isSet(regionOption) ? parser.value(regionOption).toUpper() : AppSettings::defaultRegion();
    if (!PhoneNormalizer::isKnownRegion(region)) {
        MessageBox::critical(nullptr, QApplication::translate("main", "ContactDesk"),
                             QApplication::translate("main", "\"%1\" is not a phone region (use a code like US or DE).")
                                 .arg(region));
        return 2;
    }

    // The window's own writes wait at most 300 ms for a background job's lock (an import holds
    // it until it commits): a save that cannot go through is kept and retried, the UI never hangs.
    DatabaseOptions options;
    options.busyTimeoutMs = 300;
    auto database = Database::open(path, options);
    if (!database) {
        MessageBox::critical(nullptr, QApplication::translate("main", "ContactDesk cannot open the database"),
                             database.error().toString());
        return 1;
    }
    ContactStore store(*database.value(), PhoneNormalizer(region));
    MainWindow window(&store);
    window.show();

    QFutureWatcher<QString> demo;
    if (fresh && !parser.isSet(noDemoOption)) {
        QObject::connect(&demo, &QFutureWatcher<QString>::progressValueChanged, &window, [&window](int value) {
            window.setBackgroundProgress(QApplication::translate("main", "Adding demo contacts…"), value, DemoContacts);
        });
        QObject::connect(&demo, &QFutureWatcher<QString>::finished, &window, [&] {
            window.clearBackgroundProgress();
            const QString error = demo.future().resultCount() > 0 ? demo.result() : QString();
            if (!error.isEmpty())
                window.showError(QApplication::translate("main", "Demo contacts could not be added: %1").arg(error));
            store.notifyExternalChange();
        });
        window.setBackgroundProgress(QApplication::translate("main", "Adding demo contacts…"), 0, DemoContacts);
        demo.setFuture(QtConcurrent::run(fillDemo, path, region));
    }
    const int rc = app.exec();
    demo.cancel();
    demo.waitForFinished();
    return rc;
}
