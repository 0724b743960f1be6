#include "NameMatching.h"

#include "domain/NameFolding.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <vector>

namespace ContactDesk::NameMatching {

namespace {

// Each line is one group of first names used for the same person: formal forms, nicknames,
// diminutives and common spellings across the languages a sales team meets. Folded and compact.
const char* const nicknameSource[] = {
    "robert bob bobby rob robbie bert",
    "william bill billy will willy willie liam wim willem",
    "elizabeth liz lizzie beth betty betsy eliza elisabeth elisabetta betta lisa elise",
    "james jim jimmy jamie",
    "michael mike mikey mick micky micha michel michal mikhail misha",
    "david dave davy",
    "richard rick ricky rich dick",
    "thomas tom tommy thom tomek tomasz",
    "christopher chris kris christoph kristoffer kristopher",
    "christine chris chrissy christina kristina tina",
    "daniel dan danny dani",
    "matthew matt matty matthias mateusz matteo mathieu",
    "anthony tony antonio antoine anton tono",
    "joseph joe joey jose pepe giuseppe beppe jozef",
    "jonathan jon jonny",
    "john johnny jack jon juan johannes hans jan giovanni gianni joao ivan vanya",
    "benjamin ben benny",
    "samuel sam sammy",
    "samantha sam sammy",
    "andrew andy drew andreas andres andrea andrzej andrey",
    "steven steve stephen stevie stefan stephane stefano",
    "edward ted ed eddie ned eduardo dudu",
    "nicholas nick nicky nico nicolas nikolai nikolay niccolo nicolo klaus",
    "timothy tim timmy timo",
    "gregory greg gregor grzegorz grzesiek gregoire",
    "jacob jake jakub kuba jacques",
    "katherine kate kathy katie kat catherine kathryn katharina kathi katarzyna kasia kaethe kathe",
    "jennifer jen jenny",
    "margaret maggie peggy meg megan margarete malgorzata gosia",
    "patricia pat patty trish",
    "patrick pat paddy padraig",
    "rebecca becky becca",
    "jessica jess jessie",
    "victoria vicky vic viktoria",
    "alexander alex alexandre alessandro sandro alejandro alek aleksander sasha",
    "alexandra alex alexa aleksandra ola sasha sandra",
    "deborah debbie deb debra",
    "susan sue susie susanne susi suzanne",
    "abigail abby abbie",
    "maximilian max maxim",
    "sebastian basti seb sebastien",
    "ursula uschi",
    "franziska franzi",
    "francisco paco chico frank francesco checco francis franz francois",
    "jesus chuy",
    "javier javi xavier",
    "manuel manolo manny",
    "isabel isa isabelle isabella bella",
    "guadalupe lupe",
    "dolores lola",
    "beatriz bia beatrice bea",
    "gabriela gabi gabriella gaby",
    "salvatore toto",
    "pieter piet peter pete pierre pedro piotr pietro",
    "kristoffer kris",
    "ingeborg inge",
    "wojciech wojtek",
    "krzysztof krzysiek",
    "bartlomiej bartek bart",
    "dariusz darek",
    "stanislaw staszek stan",
    "katarzyna kasia",
    "magdalena magda lena",
    "zofia zosia sophie sofia sophia",
    "dmitry dima dmitri",
    "vladimir volodya vova",
    "anastasia nastya",
    "ekaterina katya",
    "alexey alyosha",
    "evgeny zhenya eugene",
    "tatiana tanya",
    "natalia natasha natalie",
    "olga olya",
    "charles charlie chuck carl karl carlos",
    "henry hank harry henri heinrich enrique",
    "lawrence larry",
    "leonard leo len lenny",
    "raymond ray",
    "ronald ron ronnie",
    "donald don donnie",
    "gerald gerry jerry",
    "kenneth ken kenny",
    "douglas doug",
    "jeffrey jeff geoffrey",
    "frederick fred freddie",
    "albert al bert",
    "walter walt",
    "philip phil",
    "eugene gene",
    "terence terry",
    "zachary zach zack",
    "nathan nate nathaniel",
    "joshua josh",
    "dorothy dot dottie",
    "barbara barb barbie",
    "jacqueline jackie",
    "judith judy",
    "kimberly kim",
    "pamela pam",
    "cynthia cindy",
    "theresa terry tess tessa teresa",
    "virginia ginny",
    "frances fran frankie",
    "caroline carrie carol carolina",
    "eleanor ellie nell nora",
    "helen helene elena ellen",
    "mary maria marie molly polly",
    "anne ann anna annie hannah",
    "johanna hanna jo",
};

using NicknameIndex = std::unordered_map<std::string, std::vector<int>>;

const NicknameIndex& nicknameIndex()
{
    static const NicknameIndex index = [] {
        NicknameIndex map;
        int group = 0;
        for (const char* line : nicknameSource) {
            std::string_view rest(line);
            while (!rest.empty()) {
                const size_t space = rest.find(' ');
                const std::string word(rest.substr(0, space));
                auto& groups = map[word];
                if (std::find(groups.begin(), groups.end(), group) == groups.end())
                    groups.push_back(group);
                rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
            }
            ++group;
        }
        return map;
    }();
    return index;
}

// Soundex consonant classes for a..z; '0' for vowels and h w y.
constexpr std::array<char, 26> soundexClass = {'0', '1', '2', '3', '0', '1', '2', '0', '0', '2', '2', '4', '5',
                                               '5', '0', '1', '2', '6', '2', '3', '0', '1', '0', '2', '0', '2'};

bool isAsciiLetterOrDigit(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

// Role mailboxes that say nothing about the person behind them.
bool isRoleLocalPart(std::string_view local)
{
    static const char* const roles[] = {"info", "sales", "contact", "admin", "office", "hello", "support",
                                        "team", "mail", "enquiries", "inquiries", "service", "billing",
                                        "accounts", "marketing", "noreply", "webmaster", "reception"};
    for (const char* role : roles)
        if (local == role)
            return true;
    return false;
}

} // namespace

std::string compactName(const QString& name)
{
    const QString folded = NameFolding::fold(name);
    std::string out;
    out.reserve(static_cast<size_t>(folded.size()));
    for (QChar c : folded) {
        const char16_t u = c.unicode();
        if (isAsciiLetterOrDigit(u))
            out.push_back(static_cast<char>(u));
    }
    return out;
}

std::string foldedWords(const QString& text)
{
    const QString folded = NameFolding::fold(text);
    std::string out;
    out.reserve(static_cast<size_t>(folded.size()));
    bool space = false;
    for (QChar c : folded) {
        const char16_t u = c.unicode();
        if (isAsciiLetterOrDigit(u)) {
            if (space && !out.empty())
                out.push_back(' ');
            space = false;
            out.push_back(static_cast<char>(u));
        } else {
            space = true;
        }
    }
    return out;
}

double jaroWinkler(std::string_view a, std::string_view b)
{
    if (a.empty() || b.empty())
        return 0.0;
    if (a == b)
        return 1.0;
    if (a.size() > b.size())
        std::swap(a, b);
    const size_t la = a.size(), lb = b.size();
    const size_t window = lb / 2 > 0 ? lb / 2 - 1 : 0;
    // Names are short: fixed buffers keep the hot loop free of allocations.
    constexpr size_t MaxLen = 64;
    if (lb > MaxLen)
        return a == b.substr(0, a.size()) ? 0.9 : 0.0;
    std::array<bool, MaxLen> matchedB{};
    std::array<char, MaxLen> aMatches{};
    size_t matches = 0;
    for (size_t i = 0; i < la; ++i) {
        const size_t from = i > window ? i - window : 0;
        const size_t to = std::min(lb, i + window + 1);
        for (size_t j = from; j < to; ++j) {
            if (!matchedB[j] && a[i] == b[j]) {
                matchedB[j] = true;
                aMatches[matches++] = a[i];
                break;
            }
        }
    }
    if (matches == 0)
        return 0.0;
    size_t transpositions = 0, k = 0;
    for (size_t j = 0; j < lb; ++j)
        if (matchedB[j] && b[j] != aMatches[k++])
            ++transpositions;
    const double m = static_cast<double>(matches);
    const double jaro = (m / static_cast<double>(la) + m / static_cast<double>(lb)
                         + (m - static_cast<double>(transpositions) / 2.0) / m)
        / 3.0;
    size_t prefix = 0;
    while (prefix < 4 && prefix < la && a[prefix] == b[prefix])
        ++prefix;
    return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

std::string phoneticKey(std::string_view s)
{
    std::string key;
    if (s.empty())
        return key;
    key.push_back(s[0]);
    char last = (s[0] >= 'a' && s[0] <= 'z') ? soundexClass[static_cast<size_t>(s[0] - 'a')] : '0';
    for (size_t i = 1; i < s.size() && key.size() < 6; ++i) {
        const char c = s[i];
        if (c < 'a' || c > 'z') {
            last = '0';
            continue;
        }
        const char cls = soundexClass[static_cast<size_t>(c - 'a')];
        if (cls == '0') {
            // h and w do not separate two equal classes (Soundex); vowels do.
            if (c != 'h' && c != 'w')
                last = '0';
            continue;
        }
        if (cls != last)
            key.push_back(cls);
        last = cls;
    }
    return key;
}

bool isSingleTypo(std::string_view a, std::string_view b)
{
    if (a.size() > b.size())
        std::swap(a, b);
    if (a.size() < 4 || b.size() - a.size() > 1 || a == b)
        return false;
    auto isVowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
    size_t i = 0;
    while (i < a.size() && a[i] == b[i])
        ++i;
    if (a.size() == b.size()) {
        if (i + 1 == a.size()) // only the last letter differs
            return !(isVowel(a[i]) && isVowel(b[i]));
        if (a.compare(i + 1, std::string_view::npos, b.substr(i + 1)) == 0)
            return true; // one letter replaced
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i]
            && a.compare(i + 2, std::string_view::npos, b.substr(i + 2)) == 0; // neighbours swapped
    }
    if (i == a.size()) // b is a with one letter appended
        return !isVowel(b.back());
    return a.compare(i, std::string_view::npos, b.substr(i + 1)) == 0; // one letter left out of a
}

int typingDistance(std::string_view a, std::string_view b, int limit)
{
    constexpr size_t MaxLength = 63;
    const size_t la = a.size(), lb = b.size();
    if ((la > lb ? la - lb : lb - la) > static_cast<size_t>(limit))
        return limit + 1;
    if (la > MaxLength || lb > MaxLength)
        return a == b ? 0 : limit + 1;
    // Three rows of the dynamic programme: two back (for swaps), one back, this one.
    int rows[3][MaxLength + 1];
    int* before = rows[0];
    int* previous = rows[1];
    int* current = rows[2];
    for (size_t j = 0; j <= lb; ++j)
        previous[j] = static_cast<int>(j);
    for (size_t i = 1; i <= la; ++i) {
        current[0] = static_cast<int>(i);
        int rowBest = current[0];
        for (size_t j = 1; j <= lb; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d = std::min(d, before[j - 2] + 1);
            current[j] = d;
            rowBest = std::min(rowBest, d);
        }
        if (rowBest > limit)
            return limit + 1;
        std::swap(before, previous); // before <- previous, previous <- current, current <- oldest
        std::swap(previous, current);
    }
    return std::min(previous[lb], limit + 1);
}

bool isGenderedVariant(std::string_view a, std::string_view b)
{
    if (a.size() > b.size())
        std::swap(a, b);
    if (a.size() < 3 || a == b)
        return false;
    auto isVowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
    if (a.size() == b.size())
        return a.compare(0, a.size() - 1, b.substr(0, b.size() - 1)) == 0 && isVowel(a.back()) && isVowel(b.back());
    return b.size() == a.size() + 1 && b.compare(0, a.size(), a) == 0 && (b.back() == 'a' || b.back() == 'e');
}

QList<int> nicknameGroups(std::string_view compactFirst)
{
    QList<int> out;
    const auto& index = nicknameIndex();
    const auto it = index.find(std::string(compactFirst));
    if (it != index.end())
        for (int g : it->second)
            out.append(g);
    return out;
}

bool areNicknames(std::string_view a, std::string_view b)
{
    if (a.empty() || b.empty() || a == b)
        return false;
    const auto& index = nicknameIndex();
    const auto ia = index.find(std::string(a));
    if (ia == index.end())
        return false;
    const auto ib = index.find(std::string(b));
    if (ib == index.end())
        return false;
    for (int g : ia->second)
        if (std::find(ib->second.begin(), ib->second.end(), g) != ib->second.end())
            return true;
    return false;
}

std::string mailbox(const QString& emailNorm)
{
    const QString lower = emailNorm.trimmed().toLower();
    const qsizetype at = lower.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return lower.toStdString();
    QString local = lower.left(at);
    QString domain = lower.mid(at + 1);
    if (const qsizetype plus = local.indexOf(QLatin1Char('+')); plus > 0)
        local.truncate(plus);
    if (domain == QLatin1String("googlemail.com"))
        domain = QStringLiteral("gmail.com");
    if (domain == QLatin1String("gmail.com"))
        local.remove(QLatin1Char('.'));
    return (local + QLatin1Char('@') + domain).toStdString();
}

std::string personalLocalPart(std::string_view box)
{
    const size_t at = box.rfind('@');
    if (at == std::string_view::npos)
        return {};
    std::string local;
    int letters = 0;
    for (char c : box.substr(0, at)) {
        if (c >= 'a' && c <= 'z') {
            local.push_back(c);
            ++letters;
        } else if (c >= '0' && c <= '9') {
            local.push_back(c);
        }
    }
    if (letters < 5 || isRoleLocalPart(local))
        return {};
    return local;
}

namespace {

// Letters and digits of a mailbox's local part in a fixed buffer; false when it does not fit.
struct CompactLocal
{
    std::array<char, 64> text{};
    size_t size = 0;
    int letters = 0;
    bool digits = false;

    bool read(std::string_view box)
    {
        const size_t at = box.rfind('@');
        if (at == std::string_view::npos)
            return false;
        for (char c : box.substr(0, at)) {
            const bool letter = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
            if (!letter && !digit)
                continue;
            if (size == text.size())
                return false;
            text[size++] = c;
            letters += letter;
            digits = digits || digit;
        }
        return true;
    }
    std::string_view view() const { return std::string_view(text.data(), size); }
    bool personal() const { return letters >= 5 && !isRoleLocalPart(view()); }
};

} // namespace

LocalPartOrigin localPartOrigin(std::string_view box, std::string_view first, std::string_view last)
{
    CompactLocal local;
    if (!local.read(box))
        return LocalPartOrigin::Independent;
    // The letters alone: "jon.smith77" -> "jonsmith".
    std::array<char, 64> buffer{};
    size_t n = 0;
    for (char c : local.view())
        if (c >= 'a' && c <= 'z')
            buffer[n++] = c;
    const std::string_view letters(buffer.data(), n);
    auto startsWith = [](std::string_view s, std::string_view p) { return !p.empty() && s.substr(0, p.size()) == p; };
    // Pieces a name-built address is made of: a whole name or its initial, in either order.
    const std::string_view pieces[2][2] = {{first, first.substr(0, 1)}, {last, last.substr(0, 1)}};
    if (letters.empty())
        return LocalPartOrigin::Independent;
    bool fromName = letters == first || letters == last;
    for (int x = 0; x < 2 && !fromName; ++x)
        for (std::string_view head : pieces[x])
            for (std::string_view tail : pieces[1 - x])
                fromName = fromName
                    || (startsWith(letters, head) && letters.size() == head.size() + tail.size()
                        && letters.substr(head.size()) == tail && !tail.empty());
    // Built around the last name with a formal first name or a nickname ("susan_young" for Sue Young).
    if (last.size() >= 3 && letters.size() > last.size()
        && (letters.substr(0, last.size()) == last || letters.substr(letters.size() - last.size()) == last))
        fromName = true;
    if (!fromName)
        return LocalPartOrigin::Independent;
    return local.digits ? LocalPartOrigin::NameWithDigits : LocalPartOrigin::Name;
}

std::string nationalTail(const QString& e164)
{
    std::string digits;
    for (QChar c : e164)
        if (c.isDigit())
            digits.push_back(static_cast<char>(c.unicode()));
    if (digits.size() > 9)
        digits.erase(0, digits.size() - 9);
    return digits;
}

namespace {

std::string companyKeyFromWords(const std::string& words)
{
    static const char* const legalForms[] = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
                                             "limited", "llc", "llp", "plc", "gmbh", "ag", "kg", "sa", "sas", "sarl",
                                             "srl", "spa", "bv", "nv", "ab", "as", "oy", "sl", "the", "and", "group"};
    std::string out;
    size_t pos = 0;
    while (pos < words.size()) {
        size_t end = words.find(' ', pos);
        if (end == std::string::npos)
            end = words.size();
        const std::string_view word(words.data() + pos, end - pos);
        bool legal = false;
        for (const char* form : legalForms)
            legal = legal || word == form;
        if (!legal)
            out.append(word);
        pos = end + 1;
    }
    return out.empty() ? words : out;
}

} // namespace

std::string companyKey(const QString& company)
{
    return companyKeyFromWords(foldedWords(company));
}

std::string companyKey(std::string_view utf8)
{
    return companyKeyFromWords(foldedWords(utf8));
}

namespace {

std::string streetKeyFromWords(const std::string& words)
{
    static const std::pair<const char*, const char*> abbreviations[] = {
        {"street", "st"}, {"road", "rd"}, {"avenue", "ave"}, {"av", "ave"}, {"boulevard", "blvd"},
        {"drive", "dr"}, {"lane", "ln"}, {"court", "ct"}, {"place", "pl"}, {"square", "sq"},
        {"strasse", "str"}, {"north", "n"}, {"south", "s"}, {"east", "e"}, {"west", "w"},
        {"apartment", "apt"}, {"suite", "ste"}};
    std::string out;
    size_t pos = 0;
    while (pos < words.size()) {
        size_t end = words.find(' ', pos);
        if (end == std::string::npos)
            end = words.size();
        std::string word = words.substr(pos, end - pos);
        for (const auto& [full, shortForm] : abbreviations)
            if (word == full)
                word = shortForm;
        if (word.size() > 6 && word.compare(word.size() - 7, 7, "strasse") == 0)
            word.replace(word.size() - 7, 7, "str");
        if (!out.empty())
            out.push_back(' ');
        out.append(word);
        pos = end + 1;
    }
    return out;
}

bool isAscii(std::string_view s)
{
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

QString fromUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

std::string streetKey(const QString& street)
{
    return streetKeyFromWords(foldedWords(QString(street).replace(QStringLiteral("straße"), QStringLiteral("strasse"))));
}

std::string streetKey(std::string_view utf8)
{
    return isAscii(utf8) ? streetKeyFromWords(foldedWords(utf8)) : streetKey(fromUtf8(utf8));
}

std::string postalKey(const QString& postalCode)
{
    std::string out;
    for (QChar c : postalCode) {
        const QChar l = c.toLower();
        if (isAsciiLetterOrDigit(l.unicode()))
            out.push_back(static_cast<char>(l.unicode()));
    }
    return out;
}

namespace {

// Plain ASCII lower-cased, letters and digits only: what folding gives ASCII text.
std::string asciiCompact(std::string_view ascii)
{
    std::string out;
    out.reserve(ascii.size());
    for (char c : ascii) {
        const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9'))
            out.push_back(l);
    }
    return out;
}

} // namespace

std::string postalKey(std::string_view utf8)
{
    return isAscii(utf8) ? asciiCompact(utf8) : postalKey(fromUtf8(utf8));
}

std::string compactName(std::string_view utf8)
{
    return isAscii(utf8) ? asciiCompact(utf8) : compactName(fromUtf8(utf8));
}

std::string foldedWords(std::string_view utf8)
{
    if (!isAscii(utf8))
        return foldedWords(fromUtf8(utf8));
    std::string out;
    out.reserve(utf8.size());
    bool space = false;
    for (char c : utf8) {
        const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
            if (space && !out.empty())
                out.push_back(' ');
            space = false;
            out.push_back(l);
        } else {
            space = true;
        }
    }
    return out;
}

std::string mailbox(std::string_view norm)
{
    while (!norm.empty() && norm.front() == ' ')
        norm.remove_prefix(1);
    while (!norm.empty() && norm.back() == ' ')
        norm.remove_suffix(1);
    const size_t at = norm.rfind('@');
    if (at == std::string_view::npos || at == 0 || !isAscii(norm))
        return mailbox(fromUtf8(norm));
    for (char c : norm)
        if (c >= 'A' && c <= 'Z')
            return mailbox(fromUtf8(norm)); // rare: addresses come normalised from the store
    std::string_view local = norm.substr(0, at), domain = norm.substr(at + 1);
    if (const size_t plus = local.find('+'); plus != std::string_view::npos && plus > 0)
        local = local.substr(0, plus);
    if (domain == "googlemail.com")
        domain = "gmail.com";
    std::string out;
    out.reserve(norm.size());
    const bool gmail = domain == "gmail.com";
    for (char c : local)
        if (!(gmail && c == '.'))
            out.push_back(c);
    out.push_back('@');
    out.append(domain);
    return out;
}

} // namespace ContactDesk::NameMatching
