// Drives the import wizard, the background import with its progress badge and Cancel, the
// summary, the run filter and the import history's Revert like a user, on a real SQLite file.

#include "MainWindow.h"
#include "FileDialog.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "ToolbarClick.h"
#include "import/ImportHistoryDialog.h"
#include "import/ImportSummaryDialog.h"
#include "import/ImportWizard.h"
#include "items/ContactListModel.h"
#include "store/ContactStore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace ContactDesk;

class TestImportWizard : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactStore> m_store;
    std::unique_ptr<MainWindow> m_window;

    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = m_temp->dir() + QLatin1Char('/') + name;
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }

    template <typename T>
    T* child(QObject* parent, const char* name)
    {
        return parent->findChild<T*>(QString::fromLatin1(name));
    }

    void clickAction(const char* name)
    {
        Test::clickToolbarAction(m_window.get(), name);
    }

    ImportWizard* openWizard(const QString& file)
    {
        clickAction("importAction");
        auto* wizard = m_window->findChild<ImportWizard*>();
        if (!wizard)
            return nullptr;
        QTest::keyClicks(child<QLineEdit>(wizard, "fileLineEdit"), file);
        return wizard;
    }

    void next(ImportWizard* wizard)
    {
        QAbstractButton* button = wizard->button(QWizard::NextButton);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_store = std::make_unique<ContactStore>(m_temp->db(), PhoneNormalizer(QStringLiteral("US")));
        m_window = std::make_unique<MainWindow>(m_store.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_temp.reset();
    }

    void importThroughTheWizard()
    {
        QVERIFY(m_store->createContact(Test::makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"),
                                                         QStringLiteral("kate@example.com")))
                    .ok());
        const QString file = writeFile(QStringLiteral("fair.csv"),
                                       "First Name;Last Name;E-mail Address;Mobile Phone;Company;Shoe size\n"
                                       "Kate;Bell;KATE@example.com;(415) 555-3695;ACME;38\n"
                                       "Jos\xe9;M\xfcller;jose@example.com;;Globex;44\n"
                                       "Bad;Row;bob@;;;\n");
        ImportWizard* wizard = openWizard(file);
        QVERIFY(wizard);
        next(wizard);
        // Preview: Windows-1252 and semicolons detected, accents right.
        auto* detected = child<QLabel>(wizard, "detectedLabel");
        QVERIFY2(detected->text().contains(QLatin1String("Windows-1252")), qPrintable(detected->text()));
        QVERIFY(detected->text().contains(QLatin1String("semicolon")));
        auto* preview = child<QTableWidget>(wizard, "previewTableWidget");
        QCOMPARE(preview->columnCount(), 6);
        QCOMPARE(preview->item(1, 0)->text(), QStringLiteral("José"));
        // Forcing the comma delimiter puts everything in one column; back to detection.
        auto* delimiter = child<QComboBox>(wizard, "delimiterComboBox");
        delimiter->setCurrentIndex(1);
        Q_EMIT delimiter->activated(1);
        QCOMPARE(preview->columnCount(), 1);
        delimiter->setCurrentIndex(0);
        Q_EMIT delimiter->activated(0);
        QCOMPARE(preview->columnCount(), 6);
        next(wizard);
        // Mapping: suggested, unknown column skipped.
        QCOMPARE(child<QComboBox>(wizard, "mappingComboBox2")->currentData().toString(), QStringLiteral("email"));
        QCOMPARE(child<QComboBox>(wizard, "mappingComboBox5")->currentData().toString(), QStringLiteral("skip"));
        next(wizard);
        QTest::keyClicks(child<QLineEdit>(wizard, "extraTagsLineEdit"), QStringLiteral("trade show 2026"));
        next(wizard);
        // Dry run: counts before anything is written.
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::FinishButton)->isEnabled(), 10000);
        auto* summary = child<QLabel>(wizard, "dryRunSummaryLabel");
        QVERIFY2(summary->text().contains(QLatin1String("Would add 1, update 1, skip 1")), qPrintable(summary->text()));
        QCOMPARE(child<QTableWidget>(wizard, "dryRunProblemsTableWidget")->rowCount(), 1);
        QCOMPARE(m_store->repository().stats()->contacts, 1);

        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        ImportSummaryDialog* done = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((done = m_window->findChild<ImportSummaryDialog*>()) != nullptr, 10000);
        QVERIFY2(child<QLabel>(done, "importSummaryLabel")->text().contains(QLatin1String("1 added, 1 updated, 1 skipped")),
                 qPrintable(child<QLabel>(done, "importSummaryLabel")->text()));
        QCOMPARE(m_store->repository().stats()->contacts, 2);
        QTRY_COMPARE(m_window->tableView()->model()->rowCount(), 2);
        auto jose = m_store->repository().load(*m_store->repository().findByEmail(QStringLiteral("jose@example.com")));
        QCOMPARE(jose->displayName(), QStringLiteral("José Müller"));
        QCOMPARE(jose->tags, QStringList{QStringLiteral("trade show 2026")});

        // Save the problem rows, then show only this import's contacts.
        const QString problems = m_temp->dir() + QStringLiteral("/problems.csv");
        FileDialog::setNextFileName(problems);
        QTest::mouseClick(child<QPushButton>(done, "saveProblemsButton"), Qt::LeftButton);
        QFile saved(problems);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("bob@"));
        QTest::mouseClick(child<QPushButton>(done, "showImportedButton"), Qt::LeftButton);
        auto* chip = child<QToolButton>(m_window.get(), "filterChipButton");
        QTRY_VERIFY(chip->isVisible());
        QTRY_COMPARE(m_window->tableView()->model()->rowCount(), 2); // both were touched by the import
        QTest::mouseClick(chip, Qt::LeftButton);
        QVERIFY(!chip->isVisible());

        // The history reverts it.
        clickAction("importHistoryAction");
        auto* history = m_window->findChild<ImportHistoryDialog*>();
        QVERIFY(history);
        QCOMPARE(child<QTableWidget>(history, "importHistoryTableWidget")->rowCount(), 1);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(child<QPushButton>(history, "revertImportButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_store->repository().stats()->contacts, qint64(1), 10000);
        QCOMPARE(m_store->repository().load(1)->phones.size(), 0); // Kate as she was
        QTRY_COMPARE(m_window->tableView()->model()->rowCount(), 1);
    }

    void cancelFromTheBadgeLeavesTheStoreAsItWas()
    {
        QByteArray csv("name,email\n");
        for (int i = 0; i < 20000; ++i)
            csv += "Person " + QByteArray::number(i) + ",p" + QByteArray::number(i) + "@example.com\n";
        const QString file = writeFile(QStringLiteral("big.csv"), csv);
        const QString before = Test::dumpDatabase(m_temp->db().connection());
        ImportRequest request;
        request.filePath = file;
        m_window->startImport(request);
        auto* cancel = child<QToolButton>(m_window.get(), "cancelJobButton");
        QTRY_VERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        ImportSummaryDialog* done = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((done = m_window->findChild<ImportSummaryDialog*>()) != nullptr, 30000);
        QVERIFY(child<QLabel>(done, "importSummaryLabel")->text().contains(QLatin1String("cancelled")));
        QCOMPARE(Test::dumpDatabase(m_temp->db().connection()), before);
    }
};

QTEST_MAIN(TestImportWizard)
#include "TestImportWizard.moc"
