#pragma once
// The string comparisons the duplicate finder scores with: names reduced to folded ASCII letters,
// Jaro-Winkler similarity, a phonetic key for blocking, a nickname table (Bob = Robert) and the
// mailbox an email address delivers to (Gmail ignores dots and "+tags"). Pure functions, thread-safe.

#include <QList>
#include <QString>

#include <string>
#include <string_view>

namespace ContactDesk::NameMatching {

// "Müller-Lüdenscheidt" -> "mullerludenscheidt", "O'Brien" -> "obrien", "王小明" -> "wangxiaoming":
// ICU folded and transliterated, letters and digits only.
std::string compactName(const QString& name);
// The same from UTF-8 (the store's text as SQLite hands it out): plain ASCII needs no QString.
std::string compactName(std::string_view utf8);
// Like compactName but keeps word boundaries as single spaces ("de la cruz").
std::string foldedWords(const QString& text);
std::string foldedWords(std::string_view utf8);

// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters).
double jaroWinkler(std::string_view a, std::string_view b);

// A Soundex-style key (first letter and up to five consonant classes) that German digraphs
// (ue, oe, ae) and doubled letters do not change: "mueller" and "muller" give the same key.
std::string phoneticKey(std::string_view compact);

// True when b is a written with one typing error from a: one letter left out, added, replaced, or
// two neighbours swapped (Damerau), the shorter name having at least four letters. Changing only
// a final vowel ("mario" / "maria", "kowalski" / "kowalska", "daniel" / "daniela") is not a typo
// but another (often gendered) name. Allocation-free.
bool isSingleTypo(std::string_view a, std::string_view b);

// The number of typing errors (letters left out, added, replaced, neighbours swapped: optimal string
// alignment distance) between a and b, or limit + 1 when it is more than limit. Allocation-free for
// names up to 63 bytes; longer text counts as too far apart.
int typingDistance(std::string_view a, std::string_view b, int limit);

// "mario" / "maria", "daniel" / "daniela", "angela" / "angelo": first names that differ only in a
// final vowel are usually the male and female form, two people rather than one typo.
bool isGenderedVariant(std::string_view a, std::string_view b);

// Nickname groups a first name belongs to (folded, compact): "bob" and "robert" share a group.
// Some names are in two groups ("chris": Christopher and Christine). Empty when unknown.
QList<int> nicknameGroups(std::string_view compactFirst);
bool areNicknames(std::string_view a, std::string_view b);

// The mailbox an address delivers to: lower-case, without a "+tag", and for Gmail without dots
// and with googlemail.com as gmail.com. "J.Smith+news@GoogleMail.com" -> "jsmith@gmail.com".
std::string mailbox(const QString& emailNorm);
std::string mailbox(std::string_view emailNorm); // an already normalised (lower-case) address
// The local part of a mailbox when it is personal enough to recognise a person by ("jon.smith",
// at least five letters and not a role such as info or sales); empty otherwise.
std::string personalLocalPart(std::string_view mailbox);

// How a local part relates to a person's name (compact first and last name): not derived from it
// ("bluefalcon77"), the name itself ("jon.smith", "jsmith", "smith.j"), or the name plus digits
// ("jon.smith77"). Allocation-free.
enum class LocalPartOrigin { Independent, Name, NameWithDigits };
LocalPartOrigin localPartOrigin(std::string_view mailbox, std::string_view first, std::string_view last);

// The last nine digits of an E.164 number: the national number for nearly every country, so the
// same phone entered under two default regions still meets.
std::string nationalTail(const QString& e164);

// "Acme Corp." -> "acme", "Müller GmbH & Co. KG" -> "muller": company names without legal forms.
std::string companyKey(const QString& company);
std::string companyKey(std::string_view utf8);
// "12 Main Street" -> "12 main st": folded street with common words abbreviated.
std::string streetKey(const QString& street);
std::string streetKey(std::string_view utf8);
// "SW1A 1AA" -> "sw1a1aa"
std::string postalKey(const QString& postalCode);
std::string postalKey(std::string_view utf8);

} // namespace ContactDesk::NameMatching
