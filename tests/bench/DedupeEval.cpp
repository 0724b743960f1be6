// Quality of the duplicate finder on a labelled evaluation set (issue 4, item 8; docs/BENCHMARKS.md):
//   bench_dedupe_eval [--people N] [--seed S] [--keep PATH]
// Builds N distinct people of mixed cultures (Zipf-like first and last names, a long tail of rare
// surnames, companies with domains, addresses, birthdays for ~40 %, work and private emails, phones
// typed in many formats), gives ~20 % of them 1-3 duplicate records with realistic variations
// (typos, nicknames, transliteration, swapped names, missing fields, another email, Gmail dots and
// +tags, a moved address, a new job, case), and adds hard negatives (family members at one address,
// juniors and seniors, colleagues with similar names). Every record goes through
// ContactRepository::create into a real SQLite store, dropping an email or phone another live
// contact already holds (skipping the record when nothing is left), as a rep's store would hold it.
// Then DuplicateFinder::scan runs at several thresholds and pairwise precision, recall and F1 are
// printed, with false positives by relation, false negatives by variation kind and example pairs.
// The generator is deliberately independent of models/io/DemoDataGenerator.

#include "dedupe/DuplicateFinder.h"
#include "dedupe/DuplicateScorer.h"
#include "domain/Contact.h"
#include "domain/EmailAddressRules.h"
#include "domain/PhoneNormalizer.h"
#include "store/ContactRepository.h"
#include "store/Database.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <unordered_map>
#include <unordered_set>
#include <vector>

using namespace ContactDesk;

namespace {

void print(const QString& s)
{
    std::printf("%s\n", s.toUtf8().constData());
    std::fflush(stdout);
}

QStringList words(const char* text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

class Rng
{
public:
    explicit Rng(quint64 seed) : m_gen(seed) {}
    double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_gen); }
    int below(int n) { return n <= 1 ? 0 : static_cast<int>(m_gen() % static_cast<quint64>(n)); }
    int range(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(double p) { return uniform() < p; }
    // Rank in [0, n) with P(rank r) about proportional to 1 / (r + 1): a Zipf law with exponent 1.
    int zipf(int n)
    {
        const int r = static_cast<int>(std::pow(static_cast<double>(n) + 1.0, uniform())) - 1;
        return std::clamp(r, 0, n - 1);
    }
    template<typename T>
    const T& pick(const QList<T>& list) { return list.at(below(static_cast<int>(list.size()))); }
    template<typename T>
    const T& zipfPick(const QList<T>& list) { return list.at(zipf(static_cast<int>(list.size()))); }
    // Zipf-Mandelbrot, P(rank r) about proportional to 1 / (r + offset): how name frequencies fall off
    // (the most common first name is a few per cent of a population, not a fifth).
    template<typename T>
    const T& namePick(const QList<T>& list, double offset = 8.0)
    {
        const double n = static_cast<double>(list.size());
        const double x = offset * std::pow((n + offset) / offset, uniform()) - offset;
        return list.at(std::clamp(static_cast<int>(x), 0, static_cast<int>(list.size()) - 1));
    }
    QString digits(int count)
    {
        QString s;
        for (int i = 0; i < count; ++i)
            s.append(QLatin1Char(static_cast<char>('0' + below(10))));
        return s;
    }

private:
    std::mt19937_64 m_gen;
};

// ---- name tables (own lists, ordered roughly by frequency) ---------------------------------------

struct Culture
{
    QString code;
    double weight;
    QStringList male, female, last;
    QStringList rareSuffixes; // rare surnames: a made-up stem plus one of these
    QStringList countries;    // where people of this culture in the CRM live, first the most common
};

QList<Culture> cultures()
{
    QList<Culture> c;
    c.append({QStringLiteral("en"), 34,
              words("James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel "
                    "Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald "
                    "Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon "
                    "Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry Tyler Aaron Henry "
                    "Douglas Peter Nathan Zachary Harold Kyle Carl Arthur Gerald Roger Keith Lawrence Terry Sean "
                    "Austin Noah Ethan Dylan Logan Wayne Ralph Roy Eugene Louis Philip Russell Harry Vincent Albert "
                    "Elijah Bruce Randy Gabriel Howard Fred Oliver Connor Owen Caleb Isaac Luke Gavin Trevor"),
              words("Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty "
                    "Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah "
                    "Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma "
                    "Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Heather Diane "
                    "Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan "
                    "Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Abigail Alice Judy Sophia Grace Denise "
                    "Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Kayla"),
              words("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
                    "Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill "
                    "Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards "
                    "Collins Stewart Morris Rogers Reed Cook Morgan Bell Murphy Bailey Cooper Richardson Cox Howard "
                    "Ward Peterson Gray James Watson Brooks Kelly Sanders Price Bennett Wood Barnes Ross Henderson "
                    "Coleman Jenkins Perry Powell Long Patterson Hughes Washington Butler Simmons Foster Bryant "
                    "Russell Griffin Hayes Myers Ford Hamilton Graham Sullivan Wallace West Cole Jordan Reynolds "
                    "Fisher Ellis Harrison Gibson McDonald Marshall Owens Murray O'Brien O'Connor MacLeod "
                    "Fitzgerald Ashworth Pemberton Whitaker Donovan Kavanagh Lockhart"),
              words("ton ley worth field by ridge wood ham well more ford wick combe den hurst"),
              words("US US US UK")});
    c.append({QStringLiteral("de"), 12,
              words("Peter Michael Thomas Andreas Wolfgang Klaus Jürgen Stefan Christian Uwe Werner Frank Bernd Hans "
                    "Matthias Markus Jörg Dieter Günter Sven Tobias Lukas Jonas Florian Maximilian Felix Sebastian "
                    "Tim Niklas Jan Gerhard Horst Heinz Helmut Manfred Ralf Dirk Torsten Björn Jens"),
              words("Ursula Sabine Petra Monika Claudia Susanne Andrea Birgit Stefanie Julia Anna Katharina Laura "
                    "Lena Sarah Lea Hannah Sophie Marie Nicole Jutta Renate Karin Gabriele Brigitte Heike Kerstin "
                    "Anja Franziska Jessica Lisa Johanna Elke Ingrid Helga Christa Gisela Doris Ute Silke"),
              words("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer "
                    "Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange "
                    "Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter "
                    "Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich "
                    "Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon "
                    "Ludwig Böhm Winter Kraus Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich "
                    "Brandt Haas Schreiber Graf Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Voigt "
                    "Sauer Arnold Wolff Pfeiffer"),
              words("mann berger hofer bach meier stein inger hausen feld brink ler rich"),
              words("DE DE DE DE DE US")});
    c.append({QStringLiteral("es"), 14,
              words("José Juan Luis Carlos Jorge Miguel Antonio Francisco Javier Manuel Pedro Alejandro Fernando "
                    "Ricardo Roberto Eduardo Diego Sergio Andrés Pablo Raúl Héctor Alberto Mario Jesús Rafael Daniel "
                    "Óscar Guillermo Ignacio Santiago Mateo Sebastián Emilio Rubén"),
              words("María Ana Carmen Laura Isabel Sofía Lucía Elena Rosa Patricia Marta Cristina Paula Teresa "
                    "Gabriela Valentina Camila Daniela Alejandra Andrea Beatriz Natalia Silvia Verónica Adriana "
                    "Mónica Guadalupe Dolores Pilar Raquel Claudia Julia Inés Lorena Sara"),
              words("García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores Rivera "
                    "Gómez Díaz Cruz Morales Reyes Gutiérrez Ortiz Chávez Ramos Ruiz Jiménez Mendoza Álvarez "
                    "Castillo Romero Vargas Moreno Herrera Medina Aguilar Vásquez Castro Fernández Muñoz Rojas Núñez "
                    "Guerrero Ortega Delgado Domínguez Navarro Peña Vega Ríos Cabrera Campos Soto Molina Silva "
                    "Serrano Iglesias Cortés Suárez Márquez León Blanco Fuentes Carrasco Ibáñez"),
              words("ez era ado illo ena ales ano ejo"), words("US US ES")});
    c.append({QStringLiteral("it"), 6,
              words("Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco "
                    "Domenico Bruno Paolo Michele Giorgio Aldo Sergio Luca Marco Alessandro Andrea Matteo Lorenzo "
                    "Davide Simone Federico Stefano Roberto"),
              words("Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Francesca Giulia "
                    "Chiara Sara Martina Elena Alessandra Valentina Federica Silvia Paola Laura Sofia Aurora Alice "
                    "Beatrice Elisa Simona Monica Barbara"),
              words("Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
                    "De\u00a0Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani "
                    "Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra "
                    "Coppola De\u00a0Santis D'Angelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco Marini "
                    "Grasso Valentini Messina Sala Gatti Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo"),
              words("etti ini ucci ello ani ari one ese"), words("IT IT US")});
    c.append({QStringLiteral("fr"), 6,
              words("Jean Pierre Michel André Philippe René Louis Alain Jacques Bernard Marcel Daniel Roger Paul "
                    "Claude Christian Henri Georges Nicolas François Patrick Éric Frédéric Laurent Stéphane Olivier "
                    "Thierry Julien Sébastien Mathieu Antoine Guillaume Hugo Théo"),
              words("Marie Jeanne Françoise Monique Catherine Nathalie Isabelle Jacqueline Anne Sylvie Martine "
                    "Madeleine Nicole Suzanne Hélène Christine Valérie Sandrine Sophie Céline Chloé Camille Léa "
                    "Manon Emma Inès Sarah Juliette Élodie Aurélie Margaux Pauline Mathilde Émilie Claire"),
              words("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre "
                    "Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont "
                    "Lambert Bonnet François Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel "
                    "Perrin Morin Mathieu Clément Gauthier Dumont Fontaine Chevalier Robin Masson Gérard Boyer "
                    "Denis Lemaire Duval Joly Gautier Roche Noël Meunier Marchand Dufour Blanchard Barbier Brun "
                    "Dumas Brunet Leroux Colin Renard Arnaud Caron Giraud Leclerc Vidal Bourgeois Renaud Lemoine"),
              words("eau ier ard elle and ot ault"), words("FR FR US")});
    c.append({QStringLiteral("pl"), 5,
              words("Piotr Krzysztof Andrzej Tomasz Paweł Jan Michał Marcin Grzegorz Józef Marek Łukasz Adam "
                    "Zbigniew Jerzy Tadeusz Mateusz Dariusz Mariusz Wojciech Ryszard Jakub Kazimierz Henryk Robert"),
              words("Anna Maria Katarzyna Małgorzata Agnieszka Krystyna Barbara Ewa Elżbieta Zofia Janina Teresa "
                    "Joanna Magdalena Monika Jadwiga Danuta Irena Halina Helena Beata Aleksandra Marta Dorota"),
              words("Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak "
                    "Dąbrowski Kozłowski Jankowski Mazur Wojciechowski Kwiatkowski Krawczyk Kaczmarek Piotrowski "
                    "Grabowski Zając Pawłowski Michalski Król Wieczorek Jabłoński Wróbel Nowakowski Majewski "
                    "Olszewski Stępień Malinowski Jaworski Adamczyk Dudek Nowicki Pawlak Górski Witkowski Walczak"),
              words("owski ewicz czak iak ecki ski"), words("PL PL US DE")});
    c.append({QStringLiteral("in"), 8,
              words("Rahul Amit Rajesh Suresh Vijay Sanjay Anil Sunil Ravi Arjun Vikram Rohit Manoj Deepak Ashok "
                    "Ajay Prakash Ramesh Sachin Nikhil Aditya Karan Harish Gaurav Naveen Pradeep Srinivas Venkat "
                    "Krishna Arun"),
              words("Priya Anjali Sunita Pooja Neha Kavita Deepa Lakshmi Divya Sneha Anita Meena Swati Shreya "
                    "Aishwarya Nisha Rekha Asha Geeta Radha Shalini Ritu Archana Pallavi Sushma"),
              words("Sharma Patel Singh Kumar Gupta Shah Reddy Rao Iyer Nair Joshi Mehta Verma Agarwal Chopra Desai "
                    "Kapoor Malhotra Bhat Menon Pillai Mishra Pandey Chauhan Jain Banerjee Chatterjee Mukherjee Das "
                    "Sinha Srinivasan Krishnan Subramanian Venkataraman Ramachandran Khanna Saxena Bose Ghosh Yadav"),
              words("wala kar swamy appa nathan ani"), words("US US IN")});
    c.append({QStringLiteral("zh"), 7,
              words("Wei Jun Hao Lei Jian Ming Qiang Yong Jie Tao Chao Gang Feng Bo Hui Xin Yu Peng Hua Long Zhiwei "
                    "Jianhua Xiaoming Haoran Yifan Zihan Junjie Haoyu Zhihao Yuchen"),
              words("Fang Li Na Min Jing Yan Xiu Ying Hong Mei Lan Ling Xia Juan Ping Yun Qian Yue Xiaoyan Lijuan "
                    "Xiaohong Jingjing Yuxin Zixuan Xinyi Ruoxi Yutong Shiyu Mengyao Siqi"),
              words("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang "
                    "Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei "
                    "Su Lu Ding Ren Shen Yao"),
              {}, words("US US CN")});
    c.append({QStringLiteral("ru"), 4,
              words("Alexander Sergey Dmitry Andrey Alexey Maxim Evgeny Ivan Mikhail Artem Nikolai Vladimir Pavel "
                    "Denis Roman Oleg Igor Anton Yuri Viktor"),
              words("Elena Olga Natalia Tatiana Irina Svetlana Anna Maria Ekaterina Yulia Anastasia Marina Daria "
                    "Ksenia Alina Victoria Galina Lyudmila Polina Vera"),
              words("Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov "
                    "Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Nikitin "
                    "Zakharov Zaitsev Solovyov Borisov Yakovlev Grigoriev"),
              words("ov in enko sky ovich"), words("US DE")});
    c.append({QStringLiteral("ko"), 4,
              words("Min-jun Seo-jun Ji-ho Hyun-woo Jae-won Sung-min Dong-hyun Joon-young Tae-yang Jin-woo"),
              words("Ji-woo Seo-yeon Min-seo Ha-eun Ji-yeon Soo-jin Eun-ji Hye-jin Yoo-na Da-eun"),
              words("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong"),
              {}, words("US US")});
    for (Culture& culture : c)
        for (QString& l : culture.last)
            l.replace(QChar(0x00a0), QLatin1Char(' '));
    return c;
}

// Nickname pairs of this set: formal form, then its everyday forms (several not in the scorer's table).
const char* const nicknameSource[] = {
    "Robert Bob Rob Bobby", "William Bill Will Billy", "Elizabeth Liz Beth Betty Lizzie", "James Jim Jimmy Jamie",
    "Michael Mike Mick", "David Dave", "Richard Rick Dick Rich", "Thomas Tom Tommy", "Christopher Chris Kit",
    "Daniel Dan Danny", "Matthew Matt", "Anthony Tony", "Joseph Joe Joey", "Jonathan Jon Jonny",
    "Benjamin Ben", "Samuel Sam", "Andrew Andy Drew", "Steven Steve", "Stephen Steve", "Edward Ed Ted Ned",
    "Nicholas Nick", "Timothy Tim", "Gregory Greg", "Jacob Jake", "Katherine Kate Katie Kathy", "Catherine Cathy Kate",
    "Kathleen Kathy Kate", "Jennifer Jen Jenny", "Margaret Maggie Peggy Meg", "Patricia Pat Patty Trish",
    "Patrick Pat Paddy", "Rebecca Becky", "Jessica Jess", "Victoria Vicky", "Alexander Alex Sasha", "Deborah Debbie Deb",
    "Susan Sue Susie", "Abigail Abby", "Sarah Sally", "Harold Hal Harry", "Henry Hank Harry", "Charles Charlie Chuck",
    "Lawrence Larry", "Raymond Ray", "Ronald Ron", "Donald Don", "Gerald Gerry Jerry", "Kenneth Ken Kenny",
    "Douglas Doug", "Jeffrey Jeff", "Albert Al Bert", "Philip Phil", "Zachary Zach", "Nathan Nate", "Joshua Josh",
    "Dorothy Dot Dottie", "Barbara Barb Barbie", "Jacqueline Jackie", "Judith Judy", "Kimberly Kim", "Pamela Pam",
    "Cynthia Cindy", "Theresa Tess Terry", "Virginia Ginny", "Samantha Sam Sammy", "Christine Chris Tina",
    "Amanda Mandy", "Melissa Missy Mel", "Stephanie Steph", "Natalie Nat", "Caleb Cal", "Isaac Ike",
    "Francisco Paco Pancho", "José Pepe", "Guillermo Memo", "Ignacio Nacho", "Roberto Beto", "Alberto Beto",
    "Alejandro Alex", "Manuel Manolo", "Jesús Chuy", "Guadalupe Lupe", "Dolores Lola", "Giuseppe Beppe Peppe",
    "Giovanni Gianni", "Salvatore Toto", "Francesco Franco Checco", "Wolfgang Wolf", "Gerhard Gerd",
    "Maximilian Max", "Sebastian Basti", "Franziska Franzi", "Katharina Kathi", "Johanna Hanna",
    "Matthias Matze", "Stefanie Steffi", "Małgorzata Gosia", "Katarzyna Kasia", "Wojciech Wojtek",
    "Krzysztof Krzysiek", "Aleksandra Ola", "Magdalena Magda", "Dmitry Dima", "Vladimir Vova", "Ekaterina Katya",
    "Tatiana Tanya", "Natalia Natasha", "Mikhail Misha", "Alexey Lyosha", "Anastasia Nastya", "Evgeny Zhenya",
};

using NicknameMap = QHash<QString, QStringList>;

NicknameMap nicknameMap()
{
    NicknameMap map;
    for (const char* line : nicknameSource) {
        const QStringList w = words(line);
        for (int i = 1; i < w.size(); ++i) {
            map[w.first()].append(w.at(i));
            map[w.at(i)].append(w.first());
        }
    }
    return map;
}

// ---- places and phones -----------------------------------------------------------------------------

struct City
{
    QString name;
    QString postalPrefix; // or the outward code in the UK
    QString areaCode;     // national, without trunk prefix
    int subscriberDigits;
};

struct Country
{
    QString code;
    QString dialCode;
    QList<City> cities;
    QStringList streets;
    QStringList mobilePrefixes;
    int mobileDigits;
};

QMap<QString, Country> countries()
{
    QMap<QString, Country> m;
    m[QStringLiteral("US")] = {QStringLiteral("US"), QStringLiteral("1"),
        {{QStringLiteral("New York"), QStringLiteral("100"), QStringLiteral("212"), 7},
         {QStringLiteral("Brooklyn"), QStringLiteral("112"), QStringLiteral("718"), 7},
         {QStringLiteral("Chicago"), QStringLiteral("606"), QStringLiteral("312"), 7},
         {QStringLiteral("Los Angeles"), QStringLiteral("900"), QStringLiteral("213"), 7},
         {QStringLiteral("San Francisco"), QStringLiteral("941"), QStringLiteral("415"), 7},
         {QStringLiteral("Seattle"), QStringLiteral("981"), QStringLiteral("206"), 7},
         {QStringLiteral("Boston"), QStringLiteral("021"), QStringLiteral("617"), 7},
         {QStringLiteral("Austin"), QStringLiteral("787"), QStringLiteral("512"), 7},
         {QStringLiteral("Denver"), QStringLiteral("802"), QStringLiteral("303"), 7},
         {QStringLiteral("Atlanta"), QStringLiteral("303"), QStringLiteral("404"), 7},
         {QStringLiteral("Miami"), QStringLiteral("331"), QStringLiteral("305"), 7},
         {QStringLiteral("Houston"), QStringLiteral("770"), QStringLiteral("713"), 7},
         {QStringLiteral("Phoenix"), QStringLiteral("850"), QStringLiteral("602"), 7},
         {QStringLiteral("Portland"), QStringLiteral("972"), QStringLiteral("503"), 7},
         {QStringLiteral("San Diego"), QStringLiteral("921"), QStringLiteral("619"), 7},
         {QStringLiteral("Dallas"), QStringLiteral("752"), QStringLiteral("214"), 7},
         {QStringLiteral("Philadelphia"), QStringLiteral("191"), QStringLiteral("215"), 7},
         {QStringLiteral("Minneapolis"), QStringLiteral("554"), QStringLiteral("612"), 7}},
        words("Main Oak Maple Cedar Pine Elm Washington Lake Hill Park Sunset Lincoln Jackson Church River "
              "Highland Mill Spring Ridge Meadow Forest Chestnut Walnut Willow Cherry Market Franklin Madison "
              "Jefferson Adams Union Center Grove"),
        {}, 0};
    m[QStringLiteral("UK")] = {QStringLiteral("GB"), QStringLiteral("44"),
        {{QStringLiteral("London"), QStringLiteral("SW1A EC2A N1 SE1 W1D E14 NW3"), QStringLiteral("20"), 8},
         {QStringLiteral("Manchester"), QStringLiteral("M1 M4 M20"), QStringLiteral("161"), 7},
         {QStringLiteral("Leeds"), QStringLiteral("LS1 LS6"), QStringLiteral("113"), 7},
         {QStringLiteral("Bristol"), QStringLiteral("BS1 BS8"), QStringLiteral("117"), 7},
         {QStringLiteral("Edinburgh"), QStringLiteral("EH1 EH3"), QStringLiteral("131"), 7}},
        words("High Station Church Victoria Green Manor Park Queen King Mill School London York Albert"),
        words("7700 7911 7802 7958 7412"), 6};
    m[QStringLiteral("DE")] = {QStringLiteral("DE"), QStringLiteral("49"),
        {{QStringLiteral("Berlin"), QStringLiteral("10"), QStringLiteral("30"), 8},
         {QStringLiteral("Hamburg"), QStringLiteral("20"), QStringLiteral("40"), 8},
         {QStringLiteral("München"), QStringLiteral("80"), QStringLiteral("89"), 8},
         {QStringLiteral("Köln"), QStringLiteral("50"), QStringLiteral("221"), 7},
         {QStringLiteral("Frankfurt am Main"), QStringLiteral("60"), QStringLiteral("69"), 8},
         {QStringLiteral("Stuttgart"), QStringLiteral("70"), QStringLiteral("711"), 7},
         {QStringLiteral("Düsseldorf"), QStringLiteral("40"), QStringLiteral("211"), 7},
         {QStringLiteral("Leipzig"), QStringLiteral("04"), QStringLiteral("341"), 7}},
        words("Hauptstraße Bahnhofstraße Lindenweg Gartenstraße Schillerstraße Goethestraße Bergstraße Kirchweg "
              "Mozartstraße Birkenweg Friedrichstraße Waldstraße Schulstraße Rosenweg Am\u00a0Markt"),
        words("151 160 170 171 176 152"), 8};
    m[QStringLiteral("ES")] = {QStringLiteral("ES"), QStringLiteral("34"),
        {{QStringLiteral("Madrid"), QStringLiteral("280"), QStringLiteral("91"), 7},
         {QStringLiteral("Barcelona"), QStringLiteral("080"), QStringLiteral("93"), 7},
         {QStringLiteral("Valencia"), QStringLiteral("460"), QStringLiteral("96"), 7}},
        words("Calle\u00a0Mayor Calle\u00a0de\u00a0Alcalá Avenida\u00a0de\u00a0la\u00a0Constitución Calle\u00a0Real "
              "Gran\u00a0Vía Calle\u00a0del\u00a0Sol Paseo\u00a0de\u00a0Gracia"),
        words("6"), 8};
    m[QStringLiteral("IT")] = {QStringLiteral("IT"), QStringLiteral("39"),
        {{QStringLiteral("Roma"), QStringLiteral("001"), QStringLiteral("06"), 8},
         {QStringLiteral("Milano"), QStringLiteral("201"), QStringLiteral("02"), 8},
         {QStringLiteral("Torino"), QStringLiteral("101"), QStringLiteral("011"), 7}},
        words("Via\u00a0Roma Via\u00a0Garibaldi Corso\u00a0Italia Via\u00a0Mazzini Piazza\u00a0Duomo Via\u00a0Verdi"),
        words("333 347 340 320 338"), 7};
    m[QStringLiteral("FR")] = {QStringLiteral("FR"), QStringLiteral("33"),
        {{QStringLiteral("Paris"), QStringLiteral("750"), QStringLiteral("1"), 8},
         {QStringLiteral("Lyon"), QStringLiteral("6900"), QStringLiteral("4"), 8},
         {QStringLiteral("Marseille"), QStringLiteral("130"), QStringLiteral("4"), 8}},
        words("rue\u00a0de\u00a0la\u00a0Paix rue\u00a0Victor\u00a0Hugo avenue\u00a0Jean\u00a0Jaurès "
              "boulevard\u00a0Voltaire rue\u00a0Pasteur rue\u00a0de\u00a0la\u00a0République"),
        words("6 7"), 8};
    m[QStringLiteral("PL")] = {QStringLiteral("PL"), QStringLiteral("48"),
        {{QStringLiteral("Warszawa"), QStringLiteral("00-"), QStringLiteral("22"), 7},
         {QStringLiteral("Kraków"), QStringLiteral("30-"), QStringLiteral("12"), 7}},
        words("ul.\u00a0Marszałkowska ul.\u00a0Długa ul.\u00a0Polna ul.\u00a0Lipowa ul.\u00a0Kwiatowa"),
        words("501 602 691 783 880"), 6};
    m[QStringLiteral("IN")] = {QStringLiteral("IN"), QStringLiteral("91"),
        {{QStringLiteral("Bengaluru"), QStringLiteral("560"), QStringLiteral("80"), 8},
         {QStringLiteral("Mumbai"), QStringLiteral("400"), QStringLiteral("22"), 8}},
        words("MG\u00a0Road Residency\u00a0Road Brigade\u00a0Road Linking\u00a0Road"), words("98 99 97"), 8};
    m[QStringLiteral("CN")] = {QStringLiteral("CN"), QStringLiteral("86"),
        {{QStringLiteral("Beijing"), QStringLiteral("100"), QStringLiteral("10"), 8},
         {QStringLiteral("Shanghai"), QStringLiteral("200"), QStringLiteral("21"), 8}},
        words("Nanjing\u00a0Road Huaihai\u00a0Road Chang'an\u00a0Avenue Jianguo\u00a0Road"),
        words("138 139 135 186"), 8};
    for (Country& c : m)
        for (QString& s : c.streets)
            s.replace(QChar(0x00a0), QLatin1Char(' '));
    return m;
}

struct Phone
{
    QString country; // key in countries()
    QString area;     // national significant prefix (area code or mobile prefix)
    QString subscriber;
};

struct Address
{
    QString country, street, postal, city;
};

struct Company
{
    QString name, domain, country;
    Address address;
    int emailPattern = 0;
};

struct Person
{
    int index = 0;
    QString culture;
    bool female = false;
    QString first, last;
    int company = -1;
    QString title;
    Address home;
    bool b2bAddress = false; // the CRM holds the office address
    QDate birthday;
    QString workEmail, privateEmail, oldEmail;
    Phone mobile, workPhone, homePhone;
    bool hasMobile = false, hasWorkPhone = false, hasHomePhone = false;
    QString relation = QStringLiteral("fresh"); // fresh, family, junior, colleague
    int relatedTo = -1;
};

// One record to insert: the person it belongs to and how it differs from the person's truth.
struct Record
{
    int person = 0;
    bool duplicate = false;
    QStringList kinds;
    Contact contact;
    qint64 id = 0;
};

QString asciiFold(QString s)
{
    s.replace(QStringLiteral("ß"), QStringLiteral("ss")).replace(QStringLiteral("ł"), QStringLiteral("l"))
        .replace(QStringLiteral("Ł"), QStringLiteral("L"));
    const QString d = s.normalized(QString::NormalizationForm_D);
    QString out;
    for (QChar c : d)
        if (c.unicode() < 128)
            out.append(c);
    return out;
}

QString emailName(const QString& s)
{
    QString out;
    for (QChar c : asciiFold(s).toLower())
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('-'))
            out.append(c);
    out.remove(QLatin1Char('-'));
    return out;
}

// ---- the generator ---------------------------------------------------------------------------------

class Generator
{
public:
    Generator(quint64 seed, int people) : m_rng(seed), m_people(people)
    {
        m_cultures = cultures();
        m_countries = countries();
        m_nicknames = nicknameMap();
        for (const Culture& c : m_cultures)
            m_cultureWeight += c.weight;
        m_phones = PhoneNormalizer(QStringLiteral("US"));
        makeCompanies();
    }

    void run()
    {
        for (int i = 0; i < m_people; ++i) {
            const double u = m_rng.uniform();
            Person p;
            if (i > 50 && u < 0.07)
                p = familyMember(m_persons.at(m_rng.below(i)));
            else if (i > 50 && u < 0.085)
                p = junior(m_persons[m_rng.below(i)]);
            else if (i > 50 && u < 0.125)
                p = colleague();
            if (p.first.isEmpty())
                p = fresh();
            // Nobody shares a full name with someone in the same household or at the same company
            // (a chain of family members or colleagues could otherwise repeat one).
            const QString household = p.last + QLatin1Char('|') + p.home.street + QLatin1Char('|') + p.home.postal;
            const QString atCompany = QString::number(p.company) + QLatin1Char('|') + p.last;
            if (p.relation != QLatin1String("junior")
                && ((m_households.value(household).contains(p.first))
                    || (p.company >= 0 && m_atCompany.value(atCompany).contains(p.first)))) {
                --i;
                continue;
            }
            m_households[household].append(p.first);
            if (p.company >= 0)
                m_atCompany[atCompany].append(p.first);
            p.index = i;
            m_persons.append(p);
        }
        for (const Person& p : std::as_const(m_persons)) {
            m_records.push_back(baseRecord(p));
            if (m_rng.chance(0.20)) {
                const double u = m_rng.uniform();
                const int count = u < 0.65 ? 1 : u < 0.90 ? 2 : 3;
                for (int d = 0; d < count; ++d)
                    m_records.push_back(duplicateRecord(p));
            }
        }
        // Records arrive in a rep's store over time, not person by person.
        std::shuffle(m_records.begin(), m_records.end(), std::mt19937_64(static_cast<quint64>(m_rng.below(1 << 30))));
    }

    const QList<Person>& persons() const { return m_persons; }
    std::vector<Record>& records() { return m_records; }
    const QList<Company>& companies() const { return m_companies; }

private:
    const Culture& pickCulture()
    {
        double u = m_rng.uniform() * m_cultureWeight;
        for (const Culture& c : m_cultures) {
            if (u < c.weight)
                return c;
            u -= c.weight;
        }
        return m_cultures.last();
    }
    const Culture& culture(const QString& code) const
    {
        for (const Culture& c : m_cultures)
            if (c.code == code)
                return c;
        return m_cultures.first();
    }

    QString rareSurname(const Culture& c)
    {
        static const QStringList onsets = words("B Br C Ch D Dr F G Gr H K Kl L M N P Pr R S St T Tr V W Z");
        static const QStringList vowels = words("a e i o u au ei ar er or al");
        static const QStringList codas = words("n r l s t nd rk ld st ck m");
        QString stem = m_rng.pick(onsets) + m_rng.pick(vowels);
        if (m_rng.chance(0.7))
            stem += m_rng.pick(codas);
        return stem + m_rng.pick(c.rareSuffixes);
    }

    QString lastName(const Culture& c)
    {
        if (!c.rareSuffixes.isEmpty() && m_rng.chance(0.45))
            return rareSurname(c);
        return m_rng.namePick(c.last);
    }

    Address address(const QString& countryKey)
    {
        const Country& c = m_countries[countryKey];
        const City& city = m_rng.zipfPick(c.cities);
        Address a;
        a.country = countryKey;
        a.city = city.name;
        const QString number = QString::number(m_rng.zipf(300) + 1);
        const QString street = m_rng.pick(c.streets);
        if (countryKey == QLatin1String("US")) {
            static const QStringList types = words("Street Avenue Road Drive Lane Boulevard Court Place Way");
            a.street = number + QLatin1Char(' ') + street + QLatin1Char(' ') + m_rng.pick(types);
            if (m_rng.chance(0.12))
                a.street += QStringLiteral(" Apt ") + QString::number(m_rng.range(1, 40));
            a.postal = city.postalPrefix + m_rng.digits(2);
        } else if (countryKey == QLatin1String("UK")) {
            a.street = number + QLatin1Char(' ') + street + QLatin1Char(' ')
                + (m_rng.chance(0.5) ? QStringLiteral("Street") : QStringLiteral("Road"));
            static const QString letters = QStringLiteral("ABDEFGHJLNPQRSTUWXYZ");
            a.postal = m_rng.pick(city.postalPrefix.split(QLatin1Char(' '))) + QLatin1Char(' ') + m_rng.digits(1)
                + letters.at(m_rng.below(20)) + letters.at(m_rng.below(20));
        } else if (countryKey == QLatin1String("DE") || countryKey == QLatin1String("ES")
                   || countryKey == QLatin1String("IT") || countryKey == QLatin1String("PL")) {
            a.street = street + QLatin1Char(' ') + QString::number(m_rng.zipf(120) + 1);
            a.postal = city.postalPrefix + m_rng.digits(5 - static_cast<int>(city.postalPrefix.size())
                                                        + (countryKey == QLatin1String("PL") ? 1 : 0));
        } else if (countryKey == QLatin1String("FR")) {
            a.street = QString::number(m_rng.zipf(120) + 1) + QLatin1Char(' ') + street;
            a.postal = city.postalPrefix + m_rng.digits(5 - static_cast<int>(city.postalPrefix.size()));
        } else {
            a.street = number + QLatin1Char(' ') + street;
            a.postal = city.postalPrefix + m_rng.digits(6 - static_cast<int>(city.postalPrefix.size()));
        }
        return a;
    }

    Phone phone(const QString& countryKey, const QString& cityName, bool mobile)
    {
        const Country& c = m_countries[countryKey];
        for (int attempt = 0; attempt < 20; ++attempt) {
            Phone p;
            p.country = countryKey;
            if (countryKey == QLatin1String("US")) {
                const City* city = &c.cities.first();
                for (const City& x : c.cities)
                    if (x.name == cityName)
                        city = &x;
                p.area = mobile && m_rng.chance(0.3) ? m_rng.pick(c.cities).areaCode : city->areaCode;
                p.subscriber = QString::number(m_rng.range(201, 989)) + m_rng.digits(4);
            } else if (mobile && !c.mobilePrefixes.isEmpty()) {
                p.area = m_rng.pick(c.mobilePrefixes);
                p.subscriber = m_rng.digits(c.mobileDigits);
                if (countryKey == QLatin1String("ES") || countryKey == QLatin1String("FR"))
                    p.subscriber = QString::number(m_rng.range(1, 9)) + m_rng.digits(c.mobileDigits - 1);
            } else {
                const City* city = &c.cities.first();
                for (const City& x : c.cities)
                    if (x.name == cityName)
                        city = &x;
                p.area = city->areaCode;
                p.subscriber = QString::number(m_rng.range(2, 9)) + m_rng.digits(city->subscriberDigits - 1);
            }
            if (m_phones.toE164(canonical(p)).ok() && !m_usedPhones.contains(canonical(p))) {
                m_usedPhones.insert(canonical(p));
                return p;
            }
        }
        return Phone{};
    }

public:
    QString canonical(const Phone& p) const
    {
        return QLatin1Char('+') + m_countries[p.country].dialCode + p.area + p.subscriber;
    }

    // The phone as someone typed it; only forms that mean the same E.164 number in a US store.
    QString typed(const Phone& p)
    {
        const QString cc = m_countries[p.country].dialCode;
        const QString s = p.subscriber;
        QStringList forms;
        if (p.country == QLatin1String("US")) {
            const QString a = p.area, e = s.left(3), n = s.mid(3);
            forms = {QStringLiteral("(%1) %2-%3").arg(a, e, n), QStringLiteral("%1-%2-%3").arg(a, e, n),
                     QStringLiteral("%1.%2.%3").arg(a, e, n), QStringLiteral("+1 %1 %2 %3").arg(a, e, n),
                     QStringLiteral("+1-%1-%2-%3").arg(a, e, n), a + s, QStringLiteral("1 %1 %2 %3").arg(a, e, n),
                     QStringLiteral("%1 %2 %3").arg(a, e, n)};
        } else {
            const qsizetype half = s.size() / 2;
            forms = {QStringLiteral("+%1 %2 %3").arg(cc, p.area, s),
                     QStringLiteral("+%1 %2 %3 %4").arg(cc, p.area, s.left(half), s.mid(half)),
                     QStringLiteral("+%1-%2-%3").arg(cc, p.area, s), QStringLiteral("+%1%2%3").arg(cc, p.area, s),
                     QStringLiteral("+%1 (0)%2 %3").arg(cc, p.area, s), QStringLiteral("011 %1 %2 %3").arg(cc, p.area, s)};
        }
        const QString want = canonical(p);
        for (int attempt = 0; attempt < 4; ++attempt) {
            const QString f = m_rng.zipfPick(forms);
            const auto e = m_phones.toE164(f);
            if (e.ok() && *e == want)
                return f;
        }
        return want;
    }

private:
    void makeCompanies()
    {
        const QStringList adjectives = words("North Blue Bright Silver Green Red Summit Pacific Atlantic Global Prime "
                                             "Apex Urban Clear Swift Iron Golden Cedar Oak Pine Star Sun River Lake "
                                             "Stone Eagle Falcon Nova Quantum Vertex Alpine Coastal Metro United");
        const QStringList nouns = words("wind peak field bridge point gate works way stone light path line wave "
                                        "forge port view crest dale brook haven");
        const QStringList industries = words("Logistics Analytics Software Systems Consulting Foods Energy Media "
                                             "Partners Solutions Labs Health Capital Robotics Motors Pharma Design "
                                             "Networks Insurance Textiles Construction Engineering Retail Travel");
        QSet<QString> domains;
        const QStringList countryKeys = words("US US US US US UK DE DE ES IT FR PL IN CN");
        for (int i = 0; i < 3000; ++i) {
            Company c;
            c.country = m_rng.pick(countryKeys);
            const int form = m_rng.below(4);
            QString core;
            if (form == 0) {
                core = m_rng.pick(adjectives) + m_rng.pick(nouns);
                c.name = core;
            } else if (form == 1) {
                core = m_rng.pick(adjectives) + m_rng.pick(nouns);
                c.name = core + QLatin1Char(' ') + m_rng.pick(industries);
            } else if (form == 2) {
                const Culture& cu = m_cultures.at(m_rng.below(static_cast<int>(m_cultures.size())));
                core = m_rng.pick(cu.last);
                c.name = core + QLatin1Char(' ') + m_rng.pick(industries);
            } else {
                core = m_rng.pick(adjectives) + QLatin1Char(' ') + m_rng.pick(industries);
                c.name = core;
            }
            static const QMap<QString, QStringList> legal = {
                {QStringLiteral("US"), words("Inc. LLC Corp. Inc.")}, {QStringLiteral("UK"), words("Ltd Ltd plc")},
                {QStringLiteral("DE"), words("GmbH GmbH AG KG")}, {QStringLiteral("ES"), words("S.L. S.A.")},
                {QStringLiteral("IT"), words("S.r.l. S.p.A.")}, {QStringLiteral("FR"), words("SAS SARL SA")},
                {QStringLiteral("PL"), words("Sp.\u00a0z\u00a0o.o. S.A.")}, {QStringLiteral("IN"), words("Pvt.\u00a0Ltd Ltd")},
                {QStringLiteral("CN"), words("Co.,\u00a0Ltd Ltd")}};
            if (m_rng.chance(0.6))
                c.name += QLatin1Char(' ') + QString(m_rng.pick(legal[c.country])).replace(QChar(0x00a0), QLatin1Char(' '));
            static const QMap<QString, QString> tld = {
                {QStringLiteral("US"), QStringLiteral("com")}, {QStringLiteral("UK"), QStringLiteral("co.uk")},
                {QStringLiteral("DE"), QStringLiteral("de")}, {QStringLiteral("ES"), QStringLiteral("es")},
                {QStringLiteral("IT"), QStringLiteral("it")}, {QStringLiteral("FR"), QStringLiteral("fr")},
                {QStringLiteral("PL"), QStringLiteral("pl")}, {QStringLiteral("IN"), QStringLiteral("in")},
                {QStringLiteral("CN"), QStringLiteral("cn")}};
            QString domain = emailName(core);
            const QString t = m_rng.chance(0.6) ? QStringLiteral("com") : tld[c.country];
            int n = 1;
            QString candidate = domain + QLatin1Char('.') + t;
            while (domains.contains(candidate))
                candidate = domain + QString::number(++n) + QLatin1Char('.') + t;
            domains.insert(candidate);
            c.domain = candidate;
            c.address = address(c.country);
            const double u = m_rng.uniform();
            c.emailPattern = u < 0.5 ? 0 : u < 0.7 ? 1 : u < 0.78 ? 2 : u < 0.86 ? 3 : u < 0.93 ? 4 : 5;
            m_companies.append(c);
        }
    }

    QString jobTitle()
    {
        static const QStringList titles = words(
            "Sales\u00a0Manager Account\u00a0Executive Software\u00a0Engineer Marketing\u00a0Manager CEO CTO CFO "
            "Office\u00a0Manager Project\u00a0Manager Product\u00a0Manager Purchasing\u00a0Manager Consultant "
            "Director\u00a0of\u00a0Operations HR\u00a0Manager Head\u00a0of\u00a0Sales Data\u00a0Analyst Accountant "
            "Founder Engineer Designer Buyer Customer\u00a0Success\u00a0Manager VP\u00a0Sales Team\u00a0Lead "
            "Business\u00a0Development\u00a0Manager Procurement\u00a0Specialist Controller Architect");
        return QString(m_rng.zipfPick(titles)).replace(QChar(0x00a0), QLatin1Char(' '));
    }

    QString unique(QSet<QString>& used, const QString& local, const QString& domain)
    {
        // Unique by the mailbox that receives the mail: Gmail ignores dots, so john.smith@ and
        // johnsmith@gmail.com are one person's address.
        auto mailboxOf = [](const QString& address) {
            QString l = address.section(QLatin1Char('@'), 0, 0), d = address.section(QLatin1Char('@'), 1);
            if (d == QLatin1String("gmail.com"))
                l.remove(QLatin1Char('.'));
            return l + QLatin1Char('@') + d;
        };
        QString candidate = local + QLatin1Char('@') + domain;
        while (used.contains(mailboxOf(candidate)))
            candidate = local + QString::number(m_rng.range(1, 99)) + QLatin1Char('@') + domain;
        used.insert(mailboxOf(candidate));
        return candidate;
    }

    QString workEmail(const Person& p)
    {
        const Company& c = m_companies.at(p.company);
        const QString f = emailName(p.first), l = emailName(p.last);
        QString local;
        switch (c.emailPattern) {
        case 0: local = f + QLatin1Char('.') + l; break;
        case 1: local = f.left(1) + l; break;
        case 2: local = f; break;
        case 3: local = f + l.left(1); break;
        case 4: local = f + QLatin1Char('_') + l; break;
        default: local = l + QLatin1Char('.') + f; break;
        }
        return unique(m_usedEmails, local, c.domain);
    }

    QString freemail(const Person& p, bool forceHandle = false)
    {
        QStringList providers;
        const QString country = p.home.country;
        if (country == QLatin1String("DE"))
            providers = words("gmx.de web.de gmail.com t-online.de gmail.com gmx.net");
        else if (country == QLatin1String("CN"))
            providers = words("qq.com 163.com gmail.com 126.com");
        else if (country == QLatin1String("FR"))
            providers = words("gmail.com orange.fr free.fr laposte.net");
        else if (country == QLatin1String("UK"))
            providers = words("gmail.com hotmail.co.uk btinternet.com outlook.com yahoo.co.uk");
        else
            providers = words("gmail.com yahoo.com outlook.com hotmail.com icloud.com aol.com comcast.net");
        const QString domain = m_rng.zipfPick(providers);
        const QString f = emailName(p.first), l = emailName(p.last);
        const double u = forceHandle ? 0.99 : m_rng.uniform();
        QString local;
        if (u < 0.30)
            local = f + QLatin1Char('.') + l;
        else if (u < 0.45)
            local = f + l;
        else if (u < 0.55)
            local = f + QLatin1Char('.') + l + QString::number(m_rng.range(60, 99));
        else if (u < 0.65)
            local = f.left(1) + l + QString::number(m_rng.range(1, 99));
        else if (u < 0.70)
            local = f + QLatin1Char('_') + l;
        else if (u < 0.75)
            local = f.left(1) + QLatin1Char('.') + l;
        else {
            static const QStringList a = words("blue sunny happy silver wild quiet lucky red green cool little big "
                                               "golden crazy urban rocky dark misty swift brave lazy fuzzy cosmic "
                                               "salty spicy frozen noble mellow jolly");
            static const QStringList n = words("falcon fox runner rider tiger star wolf coder surfer dragon panda "
                                               "bear hiker cat skater otter moose pixel biker gamer baker ninja "
                                               "pilot sailor comet maple river badger");
            local = m_rng.pick(a) + m_rng.pick(n) + (m_rng.chance(0.9) ? QString::number(m_rng.range(1, 999)) : QString());
        }
        return unique(m_usedEmails, local, domain);
    }

    void contactDetails(Person& p)
    {
        p.birthday = m_rng.chance(0.40) ? QDate(1950, 1, 1).addDays(m_rng.below(365 * 52)) : QDate();
        if (p.company >= 0) {
            p.title = m_rng.chance(0.7) ? jobTitle() : QString();
            p.b2bAddress = m_rng.chance(0.5);
            if (m_rng.chance(0.85))
                p.workEmail = workEmail(p);
            if (m_rng.chance(0.35)) {
                const Company& c = m_companies.at(p.company);
                p.workPhone = phone(c.country, c.address.city, false);
                p.hasWorkPhone = !p.workPhone.subscriber.isEmpty();
            }
        }
        if (p.workEmail.isEmpty() || m_rng.chance(0.55))
            p.privateEmail = freemail(p);
        if (m_rng.chance(0.70)) {
            p.mobile = phone(p.home.country, p.home.city, true);
            p.hasMobile = !p.mobile.subscriber.isEmpty();
        }
    }

    Person fresh()
    {
        Person p;
        const Culture& c = pickCulture();
        p.culture = c.code;
        p.female = m_rng.chance(0.5);
        p.first = m_rng.namePick(p.female ? c.female : c.male);
        p.last = lastName(c);
        p.home = address(m_rng.pick(c.countries));
        if (m_rng.chance(0.65))
            p.company = m_rng.chance(0.5) ? m_rng.zipf(static_cast<int>(m_companies.size()))
                                          : m_rng.below(static_cast<int>(m_companies.size()));
        contactDetails(p);
        return p;
    }

    // Same last name and home, another first name and birthday; sometimes the family landline.
    Person familyMember(const Person& of)
    {
        Person p;
        const Culture& c = culture(of.culture);
        p.culture = of.culture;
        p.female = m_rng.chance(0.5);
        do
            p.first = m_rng.namePick(p.female ? c.female : c.male);
        while (p.first == of.first);
        p.last = of.last;
        p.home = of.home;
        if (m_rng.chance(0.45))
            p.company = m_rng.below(static_cast<int>(m_companies.size()));
        contactDetails(p);
        p.b2bAddress = false;
        if (of.hasHomePhone || m_rng.chance(0.3)) {
            p.homePhone = of.hasHomePhone ? of.homePhone : phone(of.home.country, of.home.city, false);
            p.hasHomePhone = !p.homePhone.subscriber.isEmpty();
            if (!of.hasHomePhone && p.hasHomePhone) {
                m_persons[of.index].homePhone = p.homePhone;
                m_persons[of.index].hasHomePhone = true;
            }
        }
        if (p.birthday.isValid() && of.birthday.isValid() && p.birthday == of.birthday)
            p.birthday = p.birthday.addDays(400);
        p.relation = QStringLiteral("family");
        p.relatedTo = of.index;
        return p;
    }

    // The same name in the next generation: both birthdays known, 24-36 years apart, often one home.
    Person junior(Person& senior)
    {
        Person p;
        p.culture = senior.culture;
        p.female = senior.female;
        p.first = senior.first;
        p.last = senior.last;
        p.home = m_rng.chance(0.6) ? senior.home : address(senior.home.country);
        if (m_rng.chance(0.5))
            p.company = m_rng.below(static_cast<int>(m_companies.size()));
        contactDetails(p);
        if (!senior.birthday.isValid())
            senior.birthday = QDate(1940, 1, 1).addDays(m_rng.below(365 * 25));
        p.birthday = senior.birthday.addDays(365 * m_rng.range(24, 36) + m_rng.below(365));
        p.relation = QStringLiteral("junior");
        p.relatedTo = senior.index;
        return p;
    }

    // Someone at the company of an earlier person with the same last name or the same first name.
    Person colleague()
    {
        Person p;
        for (int attempt = 0; attempt < 10; ++attempt) {
            const Person& of = m_persons.at(m_rng.below(static_cast<int>(m_persons.size())));
            if (of.company < 0)
                continue;
            const Culture& c = culture(of.culture);
            p.culture = of.culture;
            p.female = m_rng.chance(0.5);
            if (m_rng.chance(0.5)) {
                p.last = of.last;
                do
                    p.first = m_rng.namePick(p.female ? c.female : c.male);
                while (p.first == of.first);
            } else {
                p.female = of.female;
                p.first = of.first;
                do
                    p.last = lastName(c);
                while (p.last == of.last);
            }
            p.home = address(of.home.country);
            p.company = of.company;
            contactDetails(p);
            p.relation = QStringLiteral("colleague");
            p.relatedTo = of.index;
            return p;
        }
        p.company = -1;
        return p;
    }

    // ---- records -------------------------------------------------------------------------------

    Contact truth(const Person& p)
    {
        Contact c;
        c.firstName = p.first;
        c.lastName = p.last;
        if (p.company >= 0) {
            c.company = m_companies.at(p.company).name;
            c.jobTitle = p.title;
        }
        const Address& a = p.b2bAddress && p.company >= 0 ? m_companies.at(p.company).address : p.home;
        c.street = a.street;
        c.postalCode = a.postal;
        c.city = a.city;
        c.birthday = p.birthday;
        return c;
    }

    void addEmail(Contact& c, const QString& address, const QString& label)
    {
        if (!address.isEmpty())
            c.emails.append(EmailAddress{0, address, label, c.emails.isEmpty()});
    }
    void addPhone(Contact& c, const Phone& ph, const QString& label)
    {
        if (!ph.subscriber.isEmpty())
            c.phones.append(PhoneNumber{0, typed(ph), QString(), label, c.phones.isEmpty()});
    }

    // The first record of a person: what the first source knew.
    Record baseRecord(const Person& p)
    {
        Record r;
        r.person = p.index;
        r.contact = truth(p);
        if (m_rng.chance(0.1))
            r.contact.jobTitle.clear();
        if (m_rng.chance(0.1))
            r.contact.street.clear();
        if (!p.workEmail.isEmpty())
            addEmail(r.contact, p.workEmail, QStringLiteral("work"));
        if (!p.privateEmail.isEmpty() && (p.workEmail.isEmpty() || m_rng.chance(0.5)))
            addEmail(r.contact, p.privateEmail, QStringLiteral("home"));
        if (p.hasMobile && m_rng.chance(0.75))
            addPhone(r.contact, p.mobile, QStringLiteral("mobile"));
        if (p.hasWorkPhone && m_rng.chance(0.6))
            addPhone(r.contact, p.workPhone, QStringLiteral("work"));
        if (p.hasHomePhone)
            addPhone(r.contact, p.homePhone, QStringLiteral("home"));
        if (r.contact.emails.isEmpty() && r.contact.phones.isEmpty() && p.hasMobile)
            addPhone(r.contact, p.mobile, QStringLiteral("mobile"));
        return r;
    }

    QString typo(const QString& s)
    {
        static const QHash<QChar, QString> neighbours = [] {
            QHash<QChar, QString> h;
            const char* const rows[] = {"qwa", "weqs", "ewrd", "retf", "tryg", "ytuh", "uyij", "iuok", "oipl", "pol",
                                        "aqsz", "sawdz", "dsefx", "fdrgc", "gfthv", "hgyjb", "jhukn", "kjilm", "lkop",
                                        "zasx", "xzsdc", "cxdfv", "vcfgb", "bvghn", "nbhjm", "mnjk"};
            for (const char* row : rows)
                h.insert(QLatin1Char(row[0]), QString::fromLatin1(row + 1));
            return h;
        }();
        if (s.size() < 3)
            return s;
        QString out = s;
        const int n = static_cast<int>(s.size());
        const int pos = m_rng.chance(0.9) ? m_rng.range(1, n - 1) : 0;
        const QChar ch = s.at(pos);
        const QString near = neighbours.value(ch.toLower());
        switch (m_rng.below(4)) {
        case 0: // transposition
            if (pos + 1 < n && s.at(pos + 1) != ch) {
                out[pos] = s.at(pos + 1);
                out[pos + 1] = ch;
                break;
            }
            Q_FALLTHROUGH();
        case 1: // keyboard neighbour
            if (!near.isEmpty()) {
                const QChar r = near.at(m_rng.below(static_cast<int>(near.size())));
                out[pos] = ch.isUpper() ? r.toUpper() : r;
                break;
            }
            Q_FALLTHROUGH();
        case 2: // insertion: a doubled letter or a neighbour
            out.insert(pos, !near.isEmpty() && m_rng.chance(0.5) ? near.at(m_rng.below(static_cast<int>(near.size())))
                                                                : ch.toLower());
            if (pos == 0)
                out[0] = out.at(0).toUpper(), out[1] = out.at(1).toLower();
            break;
        default: // deletion
            out.remove(pos, 1);
            if (pos == 0 && !out.isEmpty())
                out[0] = out.at(0).toUpper();
            break;
        }
        return out;
    }

    static bool hasAccent(const QString& s)
    {
        for (QChar c : s)
            if (c.unicode() > 127)
                return true;
        return false;
    }

    QString transliterate(const QString& s)
    {
        QString out = s;
        if (m_rng.chance(0.5)) { // German convention
            out.replace(QStringLiteral("ü"), QStringLiteral("ue")).replace(QStringLiteral("ö"), QStringLiteral("oe"))
                .replace(QStringLiteral("ä"), QStringLiteral("ae")).replace(QStringLiteral("Ü"), QStringLiteral("Ue"))
                .replace(QStringLiteral("Ö"), QStringLiteral("Oe")).replace(QStringLiteral("Ä"), QStringLiteral("Ae"));
        }
        return asciiFold(out);
    }

    Record duplicateRecord(const Person& p)
    {
        Record r;
        r.person = p.index;
        r.duplicate = true;
        r.contact = truth(p);
        Contact& c = r.contact;
        // Another source knew less: each field with some chance.
        if (m_rng.chance(0.5))
            c.jobTitle.clear();
        if (m_rng.chance(0.4))
            c.street.clear(), c.postalCode.clear(), c.city.clear();
        if (m_rng.chance(0.4))
            c.birthday = QDate();
        // One channel: a work or private email, perhaps a phone.
        const bool useWork = !p.workEmail.isEmpty() && (p.privateEmail.isEmpty() || m_rng.chance(0.5));
        addEmail(c, useWork ? p.workEmail : p.privateEmail, useWork ? QStringLiteral("work") : QStringLiteral("home"));
        if (p.hasMobile && m_rng.chance(0.5))
            addPhone(c, p.mobile, QStringLiteral("mobile"));
        else if (p.hasWorkPhone && m_rng.chance(0.3))
            addPhone(c, p.workPhone, QStringLiteral("work"));

        struct Kind
        {
            const char* name;
            double weight;
        };
        static const Kind kinds[] = {
            {"typo", 20}, {"nickname", 10}, {"translit", 6}, {"swapped", 4}, {"initial", 3}, {"no company", 4},
            {"no phone", 4}, {"no email", 4}, {"no first name", 3}, {"other email", 12}, {"gmail variant", 5},
            {"phone format", 8}, {"moved", 8}, {"new job", 4}, {"case", 5},
        };
        double total = 0;
        for (const Kind& k : kinds)
            total += k.weight;
        const int count = m_rng.chance(0.5) ? 1 : m_rng.chance(0.6) ? 2 : 3;
        for (int v = 0; v < count; ++v) {
            double u = m_rng.uniform() * total;
            QString kind;
            for (const Kind& k : kinds) {
                if (u < k.weight) {
                    kind = QString::fromLatin1(k.name);
                    break;
                }
                u -= k.weight;
            }
            if (kind.isEmpty() || r.kinds.contains(kind))
                continue;
            if (apply(p, r, kind))
                r.kinds.append(kind);
        }
        if (r.kinds.isEmpty()) { // every record of this set differs somehow
            if (apply(p, r, QStringLiteral("typo")))
                r.kinds.append(QStringLiteral("typo"));
        }
        return r;
    }

    bool apply(const Person& p, Record& r, const QString& kind)
    {
        Contact& c = r.contact;
        if (kind == QLatin1String("typo")) {
            QString& name = c.lastName.size() >= 3 && (c.firstName.size() < 3 || m_rng.chance(0.55)) ? c.lastName
                                                                                                     : c.firstName;
            const QString before = name;
            name = typo(name);
            return name != before;
        }
        if (kind == QLatin1String("nickname")) {
            const QStringList forms = m_nicknames.value(c.firstName);
            if (forms.isEmpty())
                return false;
            c.firstName = m_rng.pick(forms);
            return true;
        }
        if (kind == QLatin1String("translit")) {
            if (!hasAccent(c.firstName) && !hasAccent(c.lastName))
                return false;
            c.firstName = transliterate(c.firstName);
            c.lastName = transliterate(c.lastName);
            return true;
        }
        if (kind == QLatin1String("swapped")) {
            if (c.firstName.isEmpty())
                return false;
            std::swap(c.firstName, c.lastName);
            return true;
        }
        if (kind == QLatin1String("initial")) {
            if (c.firstName.size() < 2)
                return false;
            c.firstName = c.firstName.left(1) + (m_rng.chance(0.6) ? QStringLiteral(".") : QString());
            return true;
        }
        if (kind == QLatin1String("no company")) {
            if (c.company.isEmpty())
                return false;
            c.company.clear();
            c.jobTitle.clear();
            return true;
        }
        if (kind == QLatin1String("no phone")) {
            if (c.phones.isEmpty() || c.emails.isEmpty())
                return false;
            c.phones.clear();
            return true;
        }
        if (kind == QLatin1String("no email")) {
            if (c.emails.isEmpty())
                return false;
            c.emails.clear();
            if (c.phones.isEmpty()) {
                if (!p.hasMobile)
                    return false;
                addPhone(c, p.mobile, QStringLiteral("mobile"));
            }
            return true;
        }
        if (kind == QLatin1String("no first name")) {
            if (c.firstName.isEmpty())
                return false;
            c.firstName.clear();
            return true;
        }
        if (kind == QLatin1String("other email")) {
            // The person's other address, or one more private address nobody else knew.
            QString other;
            const QString current = c.emails.isEmpty() ? QString() : c.emails.first().address;
            if (!p.workEmail.isEmpty() && current != p.workEmail)
                other = p.workEmail;
            else if (!p.privateEmail.isEmpty() && current != p.privateEmail)
                other = p.privateEmail;
            if (other.isEmpty() || m_rng.chance(0.5)) {
                Person copy = p;
                other = freemail(copy, m_rng.chance(0.3));
            }
            c.emails.clear();
            addEmail(c, other, QStringLiteral("home"));
            return true;
        }
        if (kind == QLatin1String("gmail variant")) {
            if (!p.privateEmail.endsWith(QLatin1String("@gmail.com")))
                return false;
            QString local = p.privateEmail.section(QLatin1Char('@'), 0, 0);
            if (local.contains(QLatin1Char('.')) && m_rng.chance(0.5))
                local.remove(QLatin1Char('.'));
            else if (const int at = m_rng.range(1, std::max(1, static_cast<int>(local.size()) - 1));
                     m_rng.chance(0.5) && local.size() > 3 && local.at(at - 1) != QLatin1Char('.')
                     && local.at(at) != QLatin1Char('.'))
                local.insert(at, QLatin1Char('.'));
            else
                local += QLatin1Char('+') + m_rng.pick(words("news crm shop work 2019 promo"));
            if (m_rng.chance(0.2))
                local = local.toUpper();
            c.emails.clear();
            addEmail(c, local + (m_rng.chance(0.15) ? QStringLiteral("@googlemail.com") : QStringLiteral("@gmail.com")),
                     QStringLiteral("home"));
            return true;
        }
        if (kind == QLatin1String("phone format")) {
            const Phone& ph = p.hasMobile ? p.mobile : p.workPhone;
            if (!p.hasMobile && !p.hasWorkPhone)
                return false;
            c.phones.clear();
            addPhone(c, ph, p.hasMobile ? QStringLiteral("mobile") : QStringLiteral("work"));
            return true;
        }
        if (kind == QLatin1String("moved")) {
            const QString country = p.home.country;
            const Address a = address(country);
            c.street = a.street;
            c.postalCode = a.postal;
            c.city = a.city;
            if (m_rng.chance(0.5) && p.hasHomePhone) {
                c.phones.clear();
                addPhone(c, phone(country, a.city, false), QStringLiteral("home"));
            }
            return true;
        }
        if (kind == QLatin1String("new job")) {
            Person copy = p;
            copy.company = m_rng.below(static_cast<int>(m_companies.size()));
            if (copy.company == p.company)
                return false;
            c.company = m_companies.at(copy.company).name;
            c.jobTitle = m_rng.chance(0.5) ? jobTitle() : QString();
            c.emails.clear();
            addEmail(c, workEmail(copy), QStringLiteral("work"));
            c.phones.clear();
            if (m_rng.chance(0.5)) {
                const Company& co = m_companies.at(copy.company);
                addPhone(c, phone(co.country, co.address.city, false), QStringLiteral("work"));
            } else if (p.hasMobile) {
                addPhone(c, p.mobile, QStringLiteral("mobile"));
            }
            if (p.b2bAddress) {
                const Address& a = m_companies.at(copy.company).address;
                c.street = a.street, c.postalCode = a.postal, c.city = a.city;
            }
            return true;
        }
        if (kind == QLatin1String("case")) {
            const bool upper = m_rng.chance(0.5);
            c.firstName = upper ? c.firstName.toUpper() : c.firstName.toLower();
            c.lastName = upper ? c.lastName.toUpper() : c.lastName.toLower();
            for (EmailAddress& e : c.emails)
                if (m_rng.chance(0.5))
                    e.address = e.address.toUpper();
            return true;
        }
        return false;
    }

    Rng m_rng;
    int m_people;
    QList<Culture> m_cultures;
    double m_cultureWeight = 0;
    QMap<QString, Country> m_countries;
    NicknameMap m_nicknames;
    PhoneNormalizer m_phones;
    QList<Company> m_companies;
    QList<Person> m_persons;
    std::vector<Record> m_records;
    QSet<QString> m_usedEmails;
    QHash<QString, QStringList> m_households, m_atCompany;
    QSet<QString> m_usedPhones;
};

// ---- evaluation ------------------------------------------------------------------------------------

quint64 pairKey(qint64 a, qint64 b)
{
    if (a > b)
        std::swap(a, b);
    return (static_cast<quint64>(a) << 32) | static_cast<quint64>(b);
}

struct Metrics
{
    double threshold = 0;
    qint64 predicted = 0, truePositives = 0, truePairs = 0;
    int clusters = 0;
    qint64 candidatePairs = 0;
    double ms = 0;
    std::unordered_set<quint64> predictedPairs;
    double precision() const { return predicted ? static_cast<double>(truePositives) / static_cast<double>(predicted) : 1.0; }
    double recall() const { return truePairs ? static_cast<double>(truePositives) / static_cast<double>(truePairs) : 1.0; }
    double f1() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

QString name(const Contact& c)
{
    return (c.firstName + QLatin1Char(' ') + c.lastName).simplified();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int people = 20000;
    quint64 seed = 20240;
    QString keep;
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1String("--people") && i + 1 < args.size())
            people = args.at(++i).toInt();
        else if (a == QLatin1String("--seed") && i + 1 < args.size())
            seed = args.at(++i).toULongLong();
        else if (a == QLatin1String("--keep") && i + 1 < args.size())
            keep = args.at(++i);
        else {
            print(QStringLiteral("usage: bench_dedupe_eval [--people N] [--seed S] [--keep PATH]"));
            return 2;
        }
    }
    QTemporaryDir tmp;
    const QString path = keep.isEmpty() ? tmp.filePath(QStringLiteral("eval.sqlite")) : keep;
    if (!keep.isEmpty()) {
        QFile::remove(keep);
        QFile::remove(keep + QStringLiteral("-wal"));
        QFile::remove(keep + QStringLiteral("-shm"));
    }

    QElapsedTimer timer;
    timer.start();
    Generator gen(seed, people);
    gen.run();
    std::vector<Record>& records = gen.records();
    const QList<Person>& persons = gen.persons();

    // ---- into a real store, as a rep's store would hold it ------------------------------------------
    int stored = 0, skipped = 0, droppedEmails = 0, droppedPhones = 0, dupRecords = 0, dupStored = 0;
    std::unordered_map<qint64, size_t> recordOfId;
    {
        auto db = Database::open(path);
        if (!db) {
            print(db.error().toString());
            return 1;
        }
        QSqlDatabase conn = db.value()->connection();
        PhoneNormalizer phones(QStringLiteral("US"));
        ContactRepository repo(conn, phones);
        Sql::TransactionGuard tx(conn);
        for (size_t i = 0; i < records.size(); ++i) {
            Record& r = records[i];
            dupRecords += r.duplicate;
            Contact c = r.contact;
            QList<EmailAddress> emails;
            QSet<QString> seenEmails;
            for (const EmailAddress& e : std::as_const(c.emails)) {
                const QString norm = EmailAddressRules::normalized(e.address);
                auto owner = repo.findByEmail(norm);
                if ((owner.ok() && *owner != 0) || seenEmails.contains(norm)) {
                    ++droppedEmails;
                    continue;
                }
                seenEmails.insert(norm);
                emails.append(e);
            }
            QList<PhoneNumber> phoneList;
            QSet<QString> seenPhones;
            for (const PhoneNumber& p : std::as_const(c.phones)) {
                const auto e164 = phones.toE164(p.number);
                if (!e164.ok()) {
                    ++droppedPhones;
                    continue;
                }
                auto owner = repo.findByPhone(*e164);
                if ((owner.ok() && *owner != 0) || seenPhones.contains(*e164)) {
                    ++droppedPhones;
                    continue;
                }
                seenPhones.insert(*e164);
                phoneList.append(p);
            }
            c.emails = emails;
            c.phones = phoneList;
            if (c.emails.isEmpty() && c.phones.isEmpty()) {
                ++skipped;
                continue;
            }
            if (!c.emails.isEmpty())
                c.emails.first().primary = true;
            if (!c.phones.isEmpty())
                c.phones.first().primary = true;
            auto id = repo.create(c);
            if (!id) {
                print(QStringLiteral("record %1 (%2) not stored: %3").arg(i).arg(name(c), id.error().toString()));
                ++skipped;
                continue;
            }
            r.id = *id;
            r.contact = c;
            recordOfId[r.id] = i;
            ++stored;
            dupStored += r.duplicate;
        }
        if (Status s = tx.commit(); !s) {
            print(s.error().toString());
            return 1;
        }
    }
    const double buildMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    // True pairs: stored records of one person.
    std::unordered_map<int, std::vector<qint64>> idsOfPerson;
    for (const Record& r : records)
        if (r.id)
            idsOfPerson[r.person].push_back(r.id);
    qint64 truePairs = 0;
    std::map<QString, qint64> truePairsByKind;
    auto pairKinds = [&](qint64 a, qint64 b) {
        QStringList k = records[recordOfId[a]].kinds;
        for (const QString& x : records[recordOfId[b]].kinds)
            if (!k.contains(x))
                k.append(x);
        return k;
    };
    for (const auto& [person, ids] : idsOfPerson) {
        Q_UNUSED(person)
        for (size_t x = 0; x < ids.size(); ++x)
            for (size_t y = x + 1; y < ids.size(); ++y) {
                ++truePairs;
                for (const QString& k : pairKinds(ids[x], ids[y]))
                    ++truePairsByKind[k];
            }
    }
    QMap<QString, int> relations;
    for (const Person& p : persons)
        ++relations[p.relation];

    print(QStringLiteral("Duplicate finder quality: %1 people (seed %2), %3 records generated, %4 stored in %5 ms")
              .arg(people).arg(seed).arg(records.size()).arg(stored).arg(buildMs, 0, 'f', 0));
    print(QStringLiteral("  people: %1 fresh, %2 family members at one address, %3 juniors/seniors, %4 colleagues with "
                         "a similar name")
              .arg(relations.value(QStringLiteral("fresh"))).arg(relations.value(QStringLiteral("family")))
              .arg(relations.value(QStringLiteral("junior"))).arg(relations.value(QStringLiteral("colleague"))));
    print(QStringLiteral("  duplicate records: %1 generated, %2 stored; %3 records skipped (no email or phone left); "
                         "%4 emails and %5 phones dropped as already taken")
              .arg(dupRecords).arg(dupStored).arg(skipped).arg(droppedEmails).arg(droppedPhones));
    {
        int withDups = 0;
        for (const auto& [person, ids] : idsOfPerson)
            withDups += ids.size() > 1;
        print(QStringLiteral("  people with 2+ stored records: %1 (%2 %); true same-person pairs: %3")
                  .arg(withDups).arg(100.0 * withDups / static_cast<double>(people), 0, 'f', 1).arg(truePairs));
    }

    // ---- the finder's own records, to explain any pair ---------------------------------------------
    DedupeRecords dr;
    {
        ScopedConnection conn(path, QStringLiteral("eval-explain"));
        if (Status s = DuplicateFinder::load(conn.database(), 0, std::numeric_limits<qint64>::max(), dr); !s) {
            print(s.error().toString());
            return 1;
        }
    }
    dr.measureShares(); // as the finder does, so explanations show its weights
    std::unordered_map<qint64, size_t> indexOfId;
    for (size_t i = 0; i < dr.size(); ++i)
        indexOfId[dr[i].id] = i;
    DuplicateScorer scorer(dr);

    // True pairs the records give no reason to link beyond the names: no shared mailbox, email name,
    // phone, company, title, address, postal code, city or birthday. Reported apart, not left out.
    auto corroborated = [&](qint64 a, qint64 b) {
        for (const Evidence& e : scorer.explain(indexOfId[a], indexOfId[b])) {
            switch (e.kind) {
            case Evidence::Kind::SameMailbox:
            case Evidence::Kind::SameEmailName:
            case Evidence::Kind::SamePhone:
            case Evidence::Kind::SameNationalNumber:
            case Evidence::Kind::SameCompany:
            case Evidence::Kind::SameJobTitle:
            case Evidence::Kind::SameAddress:
            case Evidence::Kind::SamePostalCode:
            case Evidence::Kind::SameCity:
            case Evidence::Kind::SameBirthday:
            case Evidence::Kind::BirthdayTypo:
                return true;
            default:
                break;
            }
        }
        return false;
    };
    std::unordered_set<quint64> nameOnlyPairs;
    for (const auto& [person, ids] : idsOfPerson) {
        Q_UNUSED(person)
        for (size_t x = 0; x < ids.size(); ++x)
            for (size_t y = x + 1; y < ids.size(); ++y)
                if (!corroborated(ids[x], ids[y]))
                    nameOnlyPairs.insert(pairKey(ids[x], ids[y]));
    }
    print(QStringLiteral("  true pairs with nothing but the names in common: %1").arg(nameOnlyPairs.size()));

    // ---- scans --------------------------------------------------------------------------------------
    const QList<double> thresholds = {0.50, 0.60, 0.70, 0.80, 0.85, 0.90, 0.95, 0.97, 0.99};
    QList<Metrics> results;
    for (double t : thresholds) {
        DuplicateOptions options;
        options.minScore = t;
        QElapsedTimer st;
        st.start();
        auto scan = DuplicateFinder::scan(path, options);
        if (!scan) {
            print(scan.error().toString());
            return 1;
        }
        Metrics m;
        m.threshold = t;
        m.ms = static_cast<double>(st.nsecsElapsed()) / 1e6;
        m.truePairs = truePairs;
        m.clusters = static_cast<int>(scan->clusters.size());
        m.candidatePairs = scan->stats.candidatePairs;
        for (const DuplicateCluster& c : scan->clusters)
            for (qsizetype x = 0; x < c.contactIds.size(); ++x)
                for (qsizetype y = x + 1; y < c.contactIds.size(); ++y) {
                    const qint64 a = c.contactIds.at(x), b = c.contactIds.at(y);
                    ++m.predicted;
                    m.predictedPairs.insert(pairKey(a, b));
                    if (records[recordOfId[a]].person == records[recordOfId[b]].person)
                        ++m.truePositives;
                }
        results.append(std::move(m));
    }
    print(QString());
    print(QStringLiteral("threshold  predicted pairs  true pos  false pos  false neg  precision  recall   F1      "
                         "clusters  candidates  scan ms"));
    for (const Metrics& m : std::as_const(results))
        print(QStringLiteral("%1       %2  %3  %4  %5  %6     %7  %8  %9  %10  %11")
                  .arg(m.threshold, 4, 'f', 2).arg(m.predicted, 15).arg(m.truePositives, 8)
                  .arg(m.predicted - m.truePositives, 9).arg(m.truePairs - m.truePositives, 9)
                  .arg(m.precision(), 6, 'f', 4).arg(m.recall(), 6, 'f', 4).arg(m.f1(), 6, 'f', 4)
                  .arg(m.clusters, 8).arg(m.candidatePairs, 10).arg(m.ms, 7, 'f', 0));

    for (const Metrics& m : std::as_const(results)) {
        if (std::abs(m.threshold - DuplicateScorer::DefaultThreshold) > 1e-9
            && std::abs(m.threshold - DuplicateScorer::AutoMergeThreshold) > 1e-9)
            continue;
        print(QString());
        print(QStringLiteral("== at %1: precision %2, recall %3, F1 %4 ==")
                  .arg(m.threshold, 0, 'f', 2).arg(m.precision(), 0, 'f', 4).arg(m.recall(), 0, 'f', 4)
                  .arg(m.f1(), 0, 'f', 4));
        // False negatives by variation kind (a pair counts under every kind either record has).
        std::map<QString, qint64> fnByKind;
        QList<QPair<qint64, qint64>> fnExamples;
        qint64 blockingMisses = 0;
        Rng pickRng(seed + 7);
        qint64 fnSeen = 0;
        for (const auto& [person, ids] : idsOfPerson) {
            Q_UNUSED(person)
            for (size_t x = 0; x < ids.size(); ++x)
                for (size_t y = x + 1; y < ids.size(); ++y) {
                    if (m.predictedPairs.count(pairKey(ids[x], ids[y])))
                        continue;
                    for (const QString& k : pairKinds(ids[x], ids[y]))
                        ++fnByKind[k];
                    const PairScore s = scorer.score(indexOfId[ids[x]], indexOfId[ids[y]]);
                    if (s.score >= m.threshold)
                        ++blockingMisses;
                    ++fnSeen; // reservoir sample of 10 examples
                    if (fnExamples.size() < 10)
                        fnExamples.append({ids[x], ids[y]});
                    else if (const int j = pickRng.below(static_cast<int>(std::min<qint64>(fnSeen, 1 << 30))); j < 10)
                        fnExamples[j] = {ids[x], ids[y]};
                }
        }
        print(QStringLiteral("false negatives by variation kind (missed / true pairs with that kind, recall):"));
        for (const auto& [kind, total] : truePairsByKind) {
            const qint64 missed = fnByKind.count(kind) ? fnByKind.at(kind) : 0;
            print(QStringLiteral("  %1 %2 / %3  (%4)")
                      .arg(kind, -14).arg(missed, 6).arg(total, 6)
                      .arg(1.0 - static_cast<double>(missed) / static_cast<double>(total), 0, 'f', 3));
        }
        qint64 nameOnlyFound = 0;
        for (quint64 key : nameOnlyPairs)
            nameOnlyFound += m.predictedPairs.count(key) ? 1 : 0;
        const qint64 corroboratedPairs = m.truePairs - static_cast<qint64>(nameOnlyPairs.size());
        print(QStringLiteral("recall on the %1 true pairs with a shared field besides the names: %2; on the %3 "
                             "name-only pairs: %4")
                  .arg(corroboratedPairs)
                  .arg(static_cast<double>(m.truePositives - nameOnlyFound) / static_cast<double>(corroboratedPairs), 0, 'f', 4)
                  .arg(nameOnlyPairs.size())
                  .arg(nameOnlyPairs.empty() ? 0.0 : static_cast<double>(nameOnlyFound) / static_cast<double>(nameOnlyPairs.size()), 0, 'f', 4));
        print(QStringLiteral("  of the misses, %1 score above the threshold on their own (not met by blocking or "
                             "left out by the cluster size cap)").arg(blockingMisses));
        // False positives by relation.
        std::map<QString, qint64> fpByRelation;
        QList<QPair<qint64, qint64>> fpExamples;
        qint64 fpSeen = 0;
        for (quint64 key : m.predictedPairs) {
            const qint64 a = static_cast<qint64>(key >> 32), b = static_cast<qint64>(key & 0xffffffffULL);
            const Record& ra = records[recordOfId[a]];
            const Record& rb = records[recordOfId[b]];
            if (ra.person == rb.person)
                continue;
            const Person& pa = persons.at(ra.person);
            const Person& pb = persons.at(rb.person);
            QString why;
            auto related = [&](const QString& rel) {
                return (pa.relation == rel && pa.relatedTo == pb.index) || (pb.relation == rel && pb.relatedTo == pa.index);
            };
            if (related(QStringLiteral("family")))
                why = QStringLiteral("family member");
            else if (related(QStringLiteral("junior")))
                why = QStringLiteral("junior/senior");
            else if (related(QStringLiteral("colleague")))
                why = QStringLiteral("colleague, similar name");
            else if (pa.first == pb.first && pa.last == pb.last)
                why = QStringLiteral("same name");
            else if (pa.company >= 0 && pa.company == pb.company)
                why = QStringLiteral("same company");
            else if (pa.last == pb.last)
                why = QStringLiteral("same last name");
            else
                why = QStringLiteral("other");
            ++fpByRelation[why];
            ++fpSeen;
            if (fpExamples.size() < 10)
                fpExamples.append({a, b});
            else if (const int j = pickRng.below(static_cast<int>(std::min<qint64>(fpSeen, 1 << 30))); j < 10)
                fpExamples[j] = {a, b};
        }
        print(QStringLiteral("false positives by relation of the two people:"));
        for (const auto& [rel, count] : fpByRelation)
            print(QStringLiteral("  %1 %2").arg(rel, -24).arg(count, 6));
        auto show = [&](const QString& title, const QList<QPair<qint64, qint64>>& list) {
            print(title);
            for (const auto& [a, b] : list) {
                const size_t ia = indexOfId[a], ib = indexOfId[b];
                const PairScore s = scorer.score(ia, ib);
                const Record& ra = records[recordOfId[a]];
                const Record& rb = records[recordOfId[b]];
                auto label = [](const Record& r) {
                    return r.duplicate ? QStringLiteral("dup[") + r.kinds.join(QLatin1Char(',')) + QLatin1Char(']')
                                       : QStringLiteral("base");
                };
                print(QStringLiteral("  #%1 %2 <%3> %4 | #%5 %6 <%7> %8")
                          .arg(a).arg(name(ra.contact), ra.contact.emails.isEmpty() ? QString() : ra.contact.emails.first().address,
                                      label(ra))
                          .arg(b).arg(name(rb.contact), rb.contact.emails.isEmpty() ? QString() : rb.contact.emails.first().address,
                                      label(rb)));
                print(QStringLiteral("      score %1 (weight %2)%3: %4")
                          .arg(s.score, 0, 'f', 3).arg(s.weight, 0, 'f', 2)
                          .arg(s.score >= m.threshold && ra.person == rb.person ? QStringLiteral(" [blocking miss]") : QString(),
                               DuplicateScorer::describe(scorer.explain(ia, ib))));
            }
        };
        show(QStringLiteral("example false positives:"), fpExamples);
        show(QStringLiteral("example false negatives:"), fnExamples);
    }
    return 0;
}
