#include "NameFolding.h"

#include <QHash>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace ContactDesk::NameFolding {

namespace {

icu::Transliterator* transliterator()
{
    // ICU transliterators are not safe to share between threads; the rule set itself is cached by
    // ICU, so a second instance costs nothing.
    thread_local std::unique_ptr<icu::Transliterator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII; Lower()"), UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    return instance.get();
}

bool isPlainAscii(const QString& text)
{
    for (QChar c : text)
        if (c.unicode() > 127)
            return false;
    return true;
}

} // namespace

QString fold(const QString& text)
{
    if (isPlainAscii(text)) // the common case costs no ICU call
        return text.toLower().simplified();
    // Transliteration costs microseconds and names, cities and companies repeat a lot (a million
    // contacts share a few thousand of each): a per-thread cache makes the duplicate finder's
    // load several times faster. Bounded, so a long-lived thread does not grow without end.
    thread_local QHash<QString, QString> cache;
    if (auto it = cache.constFind(text); it != cache.constEnd())
        return it.value();
    auto* t = transliterator();
    if (!t)
        return text.toCaseFolded().simplified();
    icu::UnicodeString u(reinterpret_cast<const char16_t*>(text.utf16()), static_cast<int32_t>(text.size()));
    t->transliterate(u);
    const QString folded = QString(reinterpret_cast<const QChar*>(u.getBuffer()), u.length()).simplified();
    if (cache.size() >= 50000)
        cache.clear();
    cache.insert(text, folded);
    return folded;
}

QString sortKey(const QString& firstName, const QString& lastName, const QString& company)
{
    QString key = fold(lastName);
    const QString first = fold(firstName);
    if (!first.isEmpty())
        key = key.isEmpty() ? first : key + QLatin1Char(' ') + first;
    if (key.isEmpty())
        key = fold(company);
    return key;
}

} // namespace ContactDesk::NameFolding
