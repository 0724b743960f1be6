#include "DemoDataGenerator.h"

#include <QChar>

#include <algorithm>
#include <cstring>
#include <numeric>

namespace ContactDesk {

namespace {

// ---- Source tables ----------------------------------------------------------------------------
//
// First names are "text[/latin][=alt[/altLatin]]": the name as written, its Latin (ASCII) form when
// folding the accents does not give the usual one ("Müller/Mueller", "王/Wang"), and a nickname or
// the full form ("Robert=Bob", "Bob=Robert"). Last names are "text[/latin][>feminine[/latin]]".

struct CultureSrc
{
    const char* id;
    const char* male;
    const char* female;
    const char* last;
    int latinPercent;     // people of a non-Latin script culture written in their Latin form
    bool doubleBarrelled; // "Smith-Jones", "García-Márquez"
};

const CultureSrc cultureSources[] = {
    {"en",
     "James=Jim|Robert=Bob|William=Bill|Michael=Mike|David=Dave|Richard=Rick|Thomas=Tom|Christopher=Chris|"
     "Daniel=Dan|Matthew=Matt|Anthony=Tony|Joseph=Joe|Jonathan=Jon|Benjamin=Ben|Samuel=Sam|Andrew=Andy|"
     "Steven=Steve|Edward=Ted|Nicholas=Nick|Timothy=Tim|Gregory=Greg|Jacob=Jake|Ryan|Kevin|Brian|Jason|Tyler|"
     "Ethan|Noah|Liam|Mason|Logan|Aiden|Bob=Robert|Bill=William|Mike=Michael|Jake=Jacob|Tom=Thomas",
     "Elizabeth=Liz|Katherine=Kate|Jennifer=Jen|Margaret=Maggie|Patricia=Pat|Rebecca=Becky|Samantha=Sam|"
     "Jessica=Jess|Victoria=Vicky|Alexandra=Alex|Deborah=Debbie|Susan=Sue|Christine=Chris|Abigail=Abby|Emily|"
     "Olivia|Emma|Sarah|Laura|Megan|Hannah|Ashley|Amanda|Rachel|Nicole|Zoë|Chloë|Renée|Mary-Kate|"
     "Kate=Katherine|Liz=Elizabeth|Beth=Elizabeth",
     "Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Anderson|Taylor|Thomas|Moore|Jackson|White|Harris|"
     "Martin|Thompson|Robinson|Clark|Lewis|Walker|Hall|Young|King|Wright|Scott|Green|Baker|Adams|Nelson|Hill|"
     "Campbell|Mitchell|Roberts|Carter|Phillips|Evans|Turner|Parker|Collins|Edwards|Stewart|Morris|Cook|Rogers|"
     "Bennett|Gray|Hughes|Price|Sanders|Myers|Ross|Foster|Smith-Jones|Fairweather-Lowe|Brontë",
     0, true},
    {"ie",
     "Seán|Pádraig=Paddy|Ciarán|Eoin|Cian|Oisín|Darragh|Liam|Conor|Declan|Diarmuid|Ruairí|Michael=Mick",
     "Siobhán|Aoife|Niamh|Caoimhe|Sinéad|Róisín|Saoirse|Orla|Clodagh|Gráinne|Máire|Ciara|Margaret=Peggy",
     "O'Brien|O'Connor|O'Sullivan|Ó Briain>Ní Bhriain|Ó Súilleabháin>Ní Shúilleabháin|Murphy|Kelly|Walsh|"
     "Byrne|Ryan|McCarthy|Doyle|Gallagher|Fitzgerald|Quinn|Kavanagh|O'Neill|Mac Giolla",
     0, false},
    {"de",
     "Jürgen/Juergen|Jörg/Joerg|Lukas|Maximilian=Max|Hans-Peter|Karl-Heinz|Stefan|Matthias|Andreas|"
     "Thomas=Tom|Michael=Micha|Sebastian=Basti|Florian|Tobias|Felix|Jonas|Björn/Bjoern|Günther/Guenther|Uwe|"
     "Dieter|Klaus|Wolfgang|Ralf|Timo|Moritz|Niklas",
     "Anna-Lena|Jana|Katharina=Kathi|Julia|Sabine|Petra|Ursula=Uschi|Brigitte|Sophie|Lea|Hannah|Lena|Mia|"
     "Bärbel/Baerbel|Gisela|Elke|Heike|Susanne=Susi|Franziska=Franzi|Annika|Marie-Luise|Käthe/Kaethe|Zoë",
     "Müller/Mueller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer/Schaefer|"
     "Koch|Bauer|Richter|Klein|Wolf|Schröder/Schroeder|Neumann|Schwarz|Zimmermann|Braun|Krüger/Krueger|"
     "Hofmann|Hartmann|Lange|Schmitt|Werner|Krause|Köhler/Koehler|Weiß/Weiss|Groß/Gross|Jäger/Jaeger|Lehmann|"
     "Böhm/Boehm|Vogel|Brandt|Schulze-Wehninck|Meyer-Landrut|von Stein",
     0, true},
    {"fr",
     "François|Jérôme|Benoît|Jean-Luc|Jean-Pierre|Pierre|Louis|Hugo|Théo|Antoine|Nicolas=Nico|Julien|"
     "Sébastien=Seb|Mathieu|Olivier|Stéphane|Grégoire|Loïc|Gaël|Étienne|Aurélien|Rémi|Cédric|Alexandre=Alex",
     "Hélène|Amélie|Chloé|Zoë|Gaëlle|Marie-Claire|Anne-Sophie|Élodie|Camille|Léa|Manon|Inès|Céline|Mathilde|"
     "Aurélie|Sandrine|Valérie|Noémie|Margaux|Océane|Françoise|Josée|Isabelle=Isa",
     "Dubois|Lefèvre|Girard|Rousseau|Bélanger|Moreau|Mercier|Faure|Lemaître|Dupont|Martin|Bernard|Laurent|"
     "Lefebvre|Fournier|Morel|Gauthier|Chevalier|Bérubé|Tremblay|Gagnon|Côté|Lévesque|Leclerc|Perrin|Boucher|"
     "Roy|Fontaine|Benoît|Duchêne|Saint-Martin|Lacroix",
     0, true},
    {"es",
     "José=Pepe|Jesús=Chuy|Álvaro|Íñigo|Javier=Javi|Alejandro=Álex|Carlos|Miguel|Francisco=Paco|Manuel=Manolo|"
     "Antonio=Toño|Juan|Luis|Sergio|Diego|Pablo|Andrés|Rubén|Raúl|Óscar|Martín|Hernán|José Luis|Juan Carlos",
     "María|Sofía|Lucía|Ana|Carmen|Isabel=Isa|Laura|Marta|Paula|Elena|Cristina|Pilar|Rocío|Inés|Begoña|"
     "Mónica|Verónica|Nuria|Ximena|Guadalupe=Lupe|María José|Ana Belén|Dolores=Lola",
     "García|Fernández|Martínez|López|González|Rodríguez|Sánchez|Pérez|Gómez|Núñez|Peña|Ibáñez|Muñoz|"
     "Jiménez|Ruiz|Díaz|Moreno|Álvarez|Romero|Navarro|Torres|Domínguez|Vázquez|Castillo|Ortega|Herrera|"
     "Gómez-Ruiz|García-Márquez|de la Cruz|Castañeda",
     0, true},
    {"pt",
     "João|Estêvão|Gonçalo|Tiago|Rafael|Pedro|Luís|Miguel|Rodrigo|André|Vinícius|Thiago|Mateus|Caio|Gustavo|"
     "Felipe|Leandro|Sebastião|Francisco=Chico|Eduardo=Dudu",
     "Conceição|Luíza|Ana|Beatriz=Bia|Mariana|Inês|Leonor|Joana|Camila|Larissa|Letícia|Fernanda|Júlia|"
     "Gabriela=Gabi|Márcia",
     "Silva|Santos|Ferreira|Pereira|Oliveira|Costa|Rodrigues|Martins|Gonçalves|Magalhães|Simões|Araújo|Sousa|"
     "Carvalho|Almeida|Lopes|Ribeiro|Gomes|Fonseca|Barbosa|Conceição|Guimarães|Brandão|Assunção",
     0, false},
    {"it",
     "Giuseppe=Beppe|Niccolò|Francesco=Checco|Alessandro=Sandro|Lorenzo|Matteo|Andrea|Marco|Luca|"
     "Giovanni=Gianni|Roberto|Stefano|Paolo|Davide|Federico|Gianluca|Pierpaolo|Nicolò|Salvatore=Totò",
     "Francesca|Lucia|Giulia|Chiara|Sara|Martina|Alessia|Elena|Valentina|Federica|Silvia|Paola|"
     "Elisabetta=Betta|Antonella|Ilaria|Benedetta|Caterina",
     "Rossi|Bianchi|Ricci|D'Angelo|Esposito|Conti|Romano|Colombo|Ferrari|Russo|Bruno|Gallo|Costa|Fontana|Greco|"
     "Marino|Lombardi|Moretti|Barbieri|De Luca|Mancini|Rinaldi|Caruso|Fabbri|Niccolò|Dell'Acqua",
     0, false},
    {"nl",
     "Daan|Joost|Sander|Bram|Thijs|Ruben|Lars|Pieter=Piet|Willem=Wim|Johannes=Hans|Maarten|Jeroen|Sjoerd|Gijs|"
     "Teun",
     "Sanne|Femke|Anouk|Lotte|Eva|Sophie|Maaike|Ilse|Marieke|Esmée|Noor|Floor|Ineke|Annelies|Geertje",
     "de Vries|van den Berg|Jansen|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|"
     "van Dijk|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|van 't Hek|Janssen",
     0, false},
    {"nordic",
     "Søren|Bjørn|Mikkel|Anders|Lars|Henrik|Jens|Magnus|Erik|Oskar|Nils|Jørgen|Ståle|Håkan|Åke|Torbjörn|"
     "Kristoffer=Kris|Mads|Rasmus|Pål",
     "Åsa|Ingrid|Märta|Astrid|Sigrid|Freja|Ida|Maja|Liv|Solveig|Kirsten|Mette|Signe|Karin|Linnéa|Ingeborg=Inge|"
     "Björk|Tove|Hanne|Sølvi",
     "Ødegård/Odegaard|Kjærsgaard|Jørgensen|Lindström|Åberg|Sjöberg|Hansen|Nielsen|Johansson|Andersson|"
     "Karlsson|Nilsson|Eriksson|Larsen|Pedersen|Christensen|Berg|Haugen|Bakke|Solberg|Strøm|Løvås|Dahl|Holm|"
     "Lund|Ångström|Brænne",
     0, false},
    {"pl",
     "Łukasz|Wojciech=Wojtek|Grzegorz=Grzesiek|Paweł|Piotr|Krzysztof=Krzysiek|Tomasz=Tomek|Michał|Marcin|"
     "Jakub=Kuba|Bartłomiej=Bartek|Mateusz|Kamil|Dariusz=Darek|Jędrzej|Stanisław=Staszek",
     "Małgorzata=Gosia|Agnieszka|Żaneta|Katarzyna=Kasia|Magdalena=Magda|Joanna|Aleksandra=Ola|Monika|Ewa|Dorota|"
     "Beata|Zofia=Zosia|Weronika|Grażyna|Jadwiga",
     "Kowalski>Kowalska|Wiśniewski>Wiśniewska|Wójcik|Zieliński>Zielińska|Dąbrowski>Dąbrowska|Nowak|"
     "Lewandowski>Lewandowska|Kamiński>Kamińska|Szymański>Szymańska|Woźniak|Kozłowski>Kozłowska|Mazur|"
     "Krawczyk|Grabowski>Grabowska|Pawłowski>Pawłowska|Michalski>Michalska|Król|Wieczorek|"
     "Jabłoński>Jabłońska|Nowak-Jeziorański>Nowak-Jeziorańska",
     0, false},
    {"tr",
     "Mehmet|Mustafa|Ahmet|Gökhan|İbrahim|Hüseyin|Emre|Burak|Murat|Çağrı|Oğuz|Serkan|Kerem|Barış|Yiğit|Tolga",
     "Ayşe|Çağla|Fatma|Zeynep|Elif|Emine|Özlem|Gülşen|Merve|Büşra|Şule|Deniz|Esra|Ebru|Sevgi|Gizem",
     "Çelik|Yılmaz|Şahin|Öztürk|Doğan|Kaya|Demir|Aydın|Arslan|Koç|Kurt|Özdemir|Erdoğan|Yıldız|Aksoy|Korkmaz|"
     "Güneş|Bulut",
     0, false},
    {"vi",
     "Minh|Đức|Quang|Tuấn|Hùng|Dũng|Thắng|Long|Nam|Huy|Khoa|Phúc|Bảo|Hiếu|Văn Minh|Văn Hùng",
     "Thảo|Hương|Linh|Lan|Mai|Ngọc|Trang|Hà|Phương|Thủy|Anh|Vy|Hạnh|Yến|Thị Lan|Thị Mai",
     "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý",
     0, false},
    {"zh",
     "小明/Xiaoming|伟/Wei|建国/Jianguo|浩然/Haoran|子轩/Zixuan|俊杰/Junjie|志强/Zhiqiang|磊/Lei|军/Jun|"
     "宇航/Yuhang|家豪/Jiahao|明辉/Minghui",
     "丽/Li|静/Jing|芳/Fang|秀英/Xiuying|婷婷/Tingting|欣怡/Xinyi|雪梅/Xuemei|佳怡/Jiayi|晓燕/Xiaoyan|美玲/Meiling|"
     "思雨/Siyu|梦琪/Mengqi",
     "王/Wang|李/Li|张/Zhang|刘/Liu|陈/Chen|杨/Yang|黄/Huang|赵/Zhao|吴/Wu|周/Zhou|徐/Xu|孙/Sun|马/Ma|朱/Zhu|"
     "胡/Hu|郭/Guo|林/Lin|何/He|高/Gao|欧阳/Ouyang",
     40, false},
    {"ja",
     "健/Ken|翔太/Shota|大輔/Daisuke|拓也/Takuya|健太/Kenta|直樹/Naoki|浩二/Koji|誠/Makoto|隆/Takashi|悠斗/Yuto|"
     "蓮/Ren",
     "由美/Yumi|陽子/Yoko|恵子/Keiko|さくら/Sakura|美咲/Misaki|愛/Ai|裕子/Yuko|真由美/Mayumi|葵/Aoi|結衣/Yui|彩/Aya",
     "田中/Tanaka|佐藤/Sato|鈴木/Suzuki|高橋/Takahashi|伊藤/Ito|渡辺/Watanabe|山本/Yamamoto|中村/Nakamura|"
     "小林/Kobayashi|加藤/Kato|吉田/Yoshida|山田/Yamada|佐々木/Sasaki|松本/Matsumoto|井上/Inoue",
     45, false},
    {"ru",
     "Дмитрий/Dmitry=Дима/Dima|Сергей/Sergey|Иван/Ivan=Ваня/Vanya|Алексей/Alexey|Андрей/Andrey|"
     "Михаил/Mikhail|Николай/Nikolay|Павел/Pavel|Владимир/Vladimir=Володя/Volodya|Артём/Artyom|"
     "Евгений/Evgeny|Юрий/Yuri",
     "Ольга/Olga|Наталья/Natalya=Наташа/Natasha|Елена/Elena=Лена/Lena|Анна/Anna|Татьяна/Tatiana=Таня/Tanya|"
     "Мария/Maria=Маша/Masha|Ирина/Irina|Екатерина/Ekaterina=Катя/Katya|Светлана/Svetlana=Света/Sveta|"
     "Юлия/Yulia|Ксения/Ksenia|Анастасия/Anastasia=Настя/Nastya",
     "Иванов/Ivanov>Иванова/Ivanova|Смирнов/Smirnov>Смирнова/Smirnova|Кузнецов/Kuznetsov>Кузнецова/Kuznetsova|"
     "Попов/Popov>Попова/Popova|Васильев/Vasiliev>Васильева/Vasilieva|Соколов/Sokolov>Соколова/Sokolova|"
     "Михайлов/Mikhailov>Михайлова/Mikhailova|Новиков/Novikov>Новикова/Novikova|"
     "Фёдоров/Fedorov>Фёдорова/Fedorova|Морозов/Morozov>Морозова/Morozova|Волков/Volkov>Волкова/Volkova|"
     "Лебедев/Lebedev>Лебедева/Lebedeva|Козлов/Kozlov>Козлова/Kozlova|Орлов/Orlov>Орлова/Orlova",
     35, false},
    {"in",
     "Rahul|Vikram|Arjun|Rohan|Amit|Sanjay|Rajesh=Raj|Suresh|Anil|Karthik|Venkatesh=Venky|Aditya|"
     "Siddharth=Sid|Pranav|Nikhil|Abhishek=Abhi",
     "Priya|Anjali|Deepika|Sneha|Pooja|Kavya|Lakshmi|Divya|Aishwarya|Meera|Shreya|Neha|Ananya|Radhika|Sunita",
     "Sharma|Patel|Iyer|Reddy|Gupta|Singh|Kumar|Nair|Rao|Mehta|Joshi|Menon|Desai|Chatterjee|Banerjee|Krishnan|"
     "Agarwal|Pillai|Bose|Kapoor",
     0, false},
    {"ar",
     "Mohammed=Mo|Ahmed|Omar|Youssef|Khalid|Hassan|Ali|Tariq|Karim|Samir|Rami|Nabil|Walid|Ziad|Fadi",
     "Fatima|Layla|Amira|Nour|Yasmin|Salma|Rania|Leila|Hana|Mariam|Dina|Aisha|Zeinab|Lina|Rana",
     "Al-Farsi|El-Amin|Haddad|Khoury|Al-Sayed|Mansour|Nasser|Saleh|Hamdan|Aziz|Abdullah|Ben Ali|Bakr|El-Masri|"
     "Rahman|Hijazi|Chahine",
     0, false},
};

struct CountrySrc
{
    const char* region;
    const char* callingCode;
    bool trunkZero;       // numbers are written "+44 (0)20 ..." at times
    const char* cultures; // "culture:weight,..."
    const char* freeMail; // local mail providers, "domain:weight,..."
    const char* jobTitles; // in the local language, "title|title", or empty
};

const CountrySrc countrySources[] = {
    {"US", "1", false, "en:60,es:12,zh:4,vi:3,in:5,ie:3,de:2,it:3,pl:2,ru:1,ar:2,fr:1,ja:1,pt:1",
     "aol.com:3,comcast.net:2", ""},
    {"CA", "1", false, "en:52,fr:26,zh:8,in:5,it:3,pl:2,vi:2,ar:2",
     "rogers.com:3,shaw.ca:2,videotron.ca:2", "Directeur des ventes|Directrice commerciale"},
    {"GB", "44", true, "en:70,ie:6,in:8,pl:5,ar:3,zh:3,es:2,it:2,fr:1", "btinternet.com:3,yahoo.co.uk:3,sky.com:2", ""},
    {"IE", "353", true, "ie:60,en:30,pl:10", "eircom.net:2", ""},
    {"DE", "49", true, "de:75,tr:10,pl:5,ru:3,it:3,es:2,ar:2",
     "gmx.de:5,web.de:5,t-online.de:3",
     "Geschäftsführer|Vertriebsleiter|Leitung Einkauf|Prokurist|Teamleiterin Vertrieb"},
    {"AT", "43", true, "de:85,tr:5,pl:5,it:5",
     "gmx.at:4,aon.at:2", "Geschäftsführer|Vertriebsleiter|Leitung Einkauf|Prokuristin"},
    {"CH", "41", true, "de:55,fr:25,it:15,pt:5",
     "bluewin.ch:4,gmx.ch:2", "Geschäftsführer|Leiter Verkauf|Responsable achats"},
    {"FR", "33", true, "fr:75,ar:8,pt:5,es:4,it:4,vi:4",
     "orange.fr:4,free.fr:3,laposte.net:2,wanadoo.fr:1",
     "Directrice commerciale|Directeur général|Responsable achats|Chargée de clientèle|Gérant"},
    {"ES", "34", false, "es:85,pt:3,ar:4,en:3,fr:3,it:2",
     "telefonica.net:2,yahoo.es:2", "Director comercial|Jefa de compras|Gerente|Responsable de ventas"},
    {"PT", "351", false, "pt:90,es:5,en:5", "sapo.pt:3", "Diretor comercial|Gestora de compras|Sócio-gerente"},
    {"IT", "39", false, "it:90,es:3,ar:4,de:3",
     "libero.it:4,virgilio.it:2,alice.it:1",
     "Direttore commerciale|Responsabile acquisti|Titolare|Amministratore delegato"},
    {"NL", "31", true, "nl:80,tr:6,ar:6,de:4,en:4",
     "ziggo.nl:3,kpnmail.nl:2", "Directeur|Inkoper|Accountmanager|Bedrijfsleider"},
    {"DK", "45", false, "nordic:85,de:4,pl:4,ar:4,en:3", "mail.dk:2", "Direktør|Indkøbschef|Salgschef"},
    {"NO", "47", false, "nordic:85,pl:6,de:3,en:3,ar:3", "online.no:2", "Daglig leder|Innkjøpssjef|Salgssjef"},
    {"SE", "46", true, "nordic:85,ar:5,pl:4,de:3,en:3", "telia.com:2", "VD|Inköpschef|Försäljningschef"},
    {"PL", "48", false, "pl:95,de:3,ru:2",
     "wp.pl:4,onet.pl:3,interia.pl:2", "Kierownik sprzedaży|Dyrektor handlowy|Prezes zarządu|Specjalista ds. zakupów"},
    {"TR", "90", true, "tr:95,de:3,ar:2", "yandex.com.tr:1", "Satış Müdürü|Genel Müdür|Satın Alma Uzmanı"},
    {"RU", "7", false, "ru:94,de:3,pl:3",
     "yandex.ru:6,mail.ru:5", "Генеральный директор|Менеджер по продажам|Руководитель отдела закупок"},
    {"CN", "86", true, "zh:100", "qq.com:8,163.com:5,126.com:2", "总经理|销售经理|采购经理"},
    {"JP", "81", true, "ja:100", "yahoo.co.jp:5,docomo.ne.jp:2", "代表取締役|営業部長|購買担当"},
    {"VN", "84", true, "vi:100", "yahoo.com.vn:1", "Giám đốc|Trưởng phòng kinh doanh"},
    {"IN", "91", true, "in:100", "rediffmail.com:3", ""},
    {"AU", "61", true, "en:70,zh:8,vi:5,in:6,it:4,es:2,ie:3,ar:2", "bigpond.com:4,optusnet.com.au:2", ""},
    {"BR", "55", false, "pt:80,it:8,es:5,de:3,ja:4",
     "uol.com.br:4,bol.com.br:2,terra.com.br:2", "Diretor comercial|Gerente de compras|Sócia-gerente"},
    {"MX", "52", false, "es:95,en:5", "prodigy.net.mx:2", "Gerente de ventas|Director general|Jefa de compras"},
};

// Global providers, for everyone.
const char* const globalFreeMail = "gmail.com:40,outlook.com:14,yahoo.com:12,hotmail.com:8,icloud.com:8,proton.me:5";

// A phone area: the national significant number is prefix + head + freeDigits digits. Every head
// with every run of free digits is a valid number for libphonenumber (checked over the whole table
// when the ranges were chosen; NANP exchanges skip N11 and 555), and every area holds at least
// 1,000,000 numbers so that one area alone could take 1,000,000 rows without repeating one.
struct AreaSrc
{
    const char* region;
    const char* prefix;
    const char* heads;  // "nanp", or a comma list of heads and ranges of heads of one width ("2-9", "50-59")
    int freeDigits;
    const char* groups; // how the national number is written, "3 3 4"
    const char* city;   // empty for mobile ranges: a city of the country then
    int weight;
};

const AreaSrc areaSources[] = {
    {"US", "212", "nanp", 4, "3 3 4", "New York", 30},
    {"US", "646", "nanp", 4, "3 3 4", "New York", 20},
    {"US", "312", "nanp", 4, "3 3 4", "Chicago", 30},
    {"US", "415", "nanp", 4, "3 3 4", "San Francisco", 30},
    {"US", "617", "nanp", 4, "3 3 4", "Boston", 25},
    {"US", "206", "nanp", 4, "3 3 4", "Seattle", 25},
    {"US", "303", "nanp", 4, "3 3 4", "Denver", 20},
    {"US", "512", "nanp", 4, "3 3 4", "Austin", 25},
    {"US", "404", "nanp", 4, "3 3 4", "Atlanta", 20},
    {"US", "305", "nanp", 4, "3 3 4", "Miami", 20},
    {"US", "702", "nanp", 4, "3 3 4", "Las Vegas", 15},
    {"US", "213", "nanp", 4, "3 3 4", "Los Angeles", 25},
    {"US", "310", "nanp", 4, "3 3 4", "Los Angeles", 15},
    {"US", "214", "nanp", 4, "3 3 4", "Dallas", 20},
    {"US", "713", "nanp", 4, "3 3 4", "Houston", 20},
    {"US", "215", "nanp", 4, "3 3 4", "Philadelphia", 15},
    {"US", "602", "nanp", 4, "3 3 4", "Phoenix", 15},
    {"US", "503", "nanp", 4, "3 3 4", "Portland", 10},
    {"US", "612", "nanp", 4, "3 3 4", "Minneapolis", 10},
    {"US", "202", "nanp", 4, "3 3 4", "Washington", 20},
    {"CA", "416", "nanp", 4, "3 3 4", "Toronto", 20},
    {"CA", "647", "nanp", 4, "3 3 4", "Toronto", 8},
    {"CA", "604", "nanp", 4, "3 3 4", "Vancouver", 12},
    {"CA", "514", "nanp", 4, "3 3 4", "Montréal", 12},
    {"CA", "403", "nanp", 4, "3 3 4", "Calgary", 6},
    {"CA", "613", "nanp", 4, "3 3 4", "Ottawa", 5},
    {"GB", "20", "3,7,8", 7, "2 4 4", "London", 35},
    {"GB", "161", "2-9", 6, "3 3 4", "Manchester", 8},
    {"GB", "131", "2-8", 6, "3 3 4", "Edinburgh", 5},
    {"GB", "121", "2-7", 6, "3 3 4", "Birmingham", 6},
    {"GB", "7", "1-3", 8, "4 6", "", 26},
    {"IE", "1", "2-9", 6, "1 3 4", "Dublin", 10},
    {"IE", "8", "3,5,6,7,9", 7, "2 3 4", "", 5},
    {"DE", "30", "1-9", 7, "2 8", "Berlin", 20},
    {"DE", "89", "1-9", 7, "2 8", "München", 12},
    {"DE", "40", "1-9", 7, "2 8", "Hamburg", 10},
    {"DE", "69", "1-9", 7, "2 8", "Frankfurt am Main", 8},
    {"DE", "221", "1-9", 6, "3 7", "Köln", 6},
    {"DE", "1", "51,52,57,59,70,71,72,73,74,75,76,77,78,79", 8, "3 8", "", 20},
    {"AT", "1", "2-9", 7, "1 8", "Wien", 6},
    {"AT", "664", "1-9", 6, "3 7", "", 4},
    {"CH", "44", "2-9", 6, "2 3 2 2", "Zürich", 5},
    {"CH", "22", "3-9", 6, "2 3 2 2", "Genève", 4},
    {"CH", "61", "2-9", 6, "2 3 2 2", "Basel", 2},
    {"CH", "7", "6-9", 7, "2 3 2 2", "", 4},
    {"FR", "1", "0-9", 7, "1 2 2 2 2", "Paris", 25},
    {"FR", "4", "72,78", 6, "1 2 2 2 2", "Lyon", 6},
    {"FR", "4", "91", 6, "1 2 2 2 2", "Marseille", 4},
    {"FR", "5", "61,62", 6, "1 2 2 2 2", "Toulouse", 3},
    {"FR", "5", "56,57", 6, "1 2 2 2 2", "Bordeaux", 3},
    {"FR", "6", "1,2,4,5,6,7,8", 7, "1 2 2 2 2", "", 15},
    {"ES", "91", "1-9", 6, "2 3 2 2", "Madrid", 10},
    {"ES", "93", "1-9", 6, "2 3 2 2", "Barcelona", 8},
    {"ES", "96", "1-9", 6, "2 3 2 2", "Valencia", 3},
    {"ES", "95", "4,5", 6, "3 3 3", "Sevilla", 2},
    {"ES", "6", "0-9", 7, "3 3 3", "", 10},
    {"PT", "21", "0-9", 6, "2 3 4", "Lisboa", 4},
    {"PT", "22", "0-9", 6, "2 3 4", "Porto", 3},
    {"PT", "9", "1,2,3,6", 7, "3 3 3", "", 4},
    {"IT", "02", "0-9", 7, "2 4 4", "Milano", 10},
    {"IT", "06", "0-9", 7, "2 4 4", "Roma", 8},
    {"IT", "011", "0-9", 6, "3 3 4", "Torino", 3},
    {"IT", "055", "0-9", 6, "3 3 4", "Firenze", 2},
    {"IT", "3", "20-29,30-39,40-49", 7, "3 3 4", "", 10},
    {"NL", "20", "1-9", 6, "2 3 4", "Amsterdam", 8},
    {"NL", "10", "1-9", 6, "2 3 4", "Rotterdam", 5},
    {"NL", "30", "1-9", 6, "2 3 4", "Utrecht", 3},
    {"NL", "6", "1-5", 7, "1 4 4", "", 6},
    {"DK", "3", "2-9", 6, "2 2 2 2", "København", 6},
    {"DK", "8", "6,7", 6, "2 2 2 2", "Aarhus", 2},
    {"DK", "2", "0-9", 6, "2 2 2 2", "", 4},
    {"NO", "2", "1-4", 6, "2 2 2 2", "Oslo", 5},
    {"NO", "55", "", 6, "2 2 2 2", "Bergen", 2},
    {"NO", "9", "0-9", 6, "3 2 3", "", 5},
    {"SE", "8", "1-9", 7, "1 3 3 2", "Stockholm", 8},
    {"SE", "31", "1-9", 6, "2 3 2 2", "Göteborg", 3},
    {"SE", "70", "0-9", 6, "2 3 2 2", "", 5},
    {"PL", "22", "1-9", 6, "2 3 2 2", "Warszawa", 8},
    {"PL", "12", "1-9", 6, "2 3 2 2", "Kraków", 4},
    {"PL", "42", "1-9", 6, "2 3 2 2", "Łódź", 2},
    {"PL", "71", "1-9", 6, "2 3 2 2", "Wrocław", 2},
    {"PL", "58", "1-9", 6, "2 3 2 2", "Gdańsk", 2},
    {"PL", "", "50,51,53,57,60,66,69,72,73,78,79,88", 7, "3 3 3", "", 8},
    {"TR", "212", "2-9", 6, "3 3 2 2", "İstanbul", 6},
    {"TR", "216", "2-9", 6, "3 3 2 2", "İstanbul", 4},
    {"TR", "312", "2-9", 6, "3 3 2 2", "Ankara", 3},
    {"TR", "232", "2-9", 6, "3 3 2 2", "İzmir", 2},
    {"TR", "5", "30-39,40-49,51-55", 7, "3 3 2 2", "", 6},
    {"RU", "495", "1-9", 6, "3 3 2 2", "Moscow", 5},
    {"RU", "499", "1-9", 6, "3 3 2 2", "Moscow", 3},
    {"RU", "812", "1-9", 6, "3 3 2 2", "Saint Petersburg", 3},
    {"RU", "9", "03,05,06,09,10,15,16,25,26,85", 7, "3 3 2 2", "", 5},
    {"CN", "10", "5,6", 7, "2 4 4", "Beijing", 8},
    {"CN", "21", "5,6", 7, "2 4 4", "Shanghai", 6},
    {"CN", "755", "2,8", 7, "3 4 4", "Shenzhen", 3},
    {"CN", "13", "0-9", 8, "3 4 4", "", 10},
    {"CN", "18", "6,8,9", 8, "3 4 4", "", 5},
    {"JP", "3", "3,5,6", 7, "1 4 4", "Tokyo", 8},
    {"JP", "6", "6", 7, "1 4 4", "Osaka", 4},
    {"JP", "90", "1-9", 7, "2 4 4", "", 6},
    {"JP", "80", "1-9", 7, "2 4 4", "", 3},
    {"VN", "24", "3,6,7", 7, "2 4 4", "Hà Nội", 4},
    {"VN", "28", "3,6,7", 7, "2 4 4", "Thành phố Hồ Chí Minh", 4},
    {"VN", "9", "0,1,3,4,6,7,8", 7, "2 3 4", "", 4},
    {"IN", "22", "2-6", 7, "2 4 4", "Mumbai", 4},
    {"IN", "80", "2-4", 7, "2 4 4", "Bengaluru", 4},
    {"IN", "11", "2-4", 7, "2 4 4", "New Delhi", 4},
    {"IN", "", "90,94,95,96,97,98,99", 8, "5 5", "", 8},
    {"AU", "2", "8,9", 7, "1 4 4", "Sydney", 8},
    {"AU", "3", "8,9", 7, "1 4 4", "Melbourne", 7},
    {"AU", "7", "3", 7, "1 4 4", "Brisbane", 3},
    {"AU", "4", "0-3", 7, "3 3 3", "", 7},
    {"BR", "11", "91-99", 7, "2 5 4", "São Paulo", 10},
    {"BR", "11", "2-5", 7, "2 4 4", "São Paulo", 4},
    {"BR", "21", "91-99", 7, "2 5 4", "Rio de Janeiro", 5},
    {"MX", "55", "1-9", 7, "2 4 4", "Ciudad de México", 8},
    {"MX", "33", "1-9", 7, "2 4 4", "Guadalajara", 4},
    {"MX", "81", "1-9", 7, "2 4 4", "Monterrey", 3},
};

struct CompanySrc
{
    const char* name;
    const char* domain;
    const char* region; // "" for companies met anywhere
};

const CompanySrc companySources[] = {
    {"Smith, Jones & Partners", "smithjones.com", ""},
    {"The \"Blue\" Door", "thebluedoor.com", ""},
    {"Brightline Analytics", "brightline.io", ""},
    {"Orbital Systems", "orbitalsystems.io", ""},
    {"Quantum Leaf", "quantumleaf.com", ""},
    {"Globex Corporation", "globex-corp.com", ""},
    {"Helix Biotech", "helixbiotech.com", ""},
    {"Lumen & Co.", "lumenco.com", ""},
    {"Ironclad Security", "ironcladsec.com", ""},
    {"Starling Aviation", "starlingaviation.com", ""},
    {"Verdant Energy", "verdant-energy.com", ""},
    {"Copperleaf Finance", "copperleaf.finance", ""},
    {"Atlas Freight Group", "atlasfreight.com", ""},
    {"Nimbus Cloud Services", "nimbuscloud.io", ""},
    {"Tidewater Marine", "tidewatermarine.com", ""},
    {"Westbrook Legal, LLP", "westbrooklegal.com", ""},
    {"Acme Robotics", "acmerobotics.com", "US"},
    {"Northwind Traders", "northwindtraders.com", "US"},
    {"Cobalt Peak Software", "cobaltpeak.com", "US"},
    {"Harbor & Pine LLC", "harborandpine.com", "US"},
    {"Redwood Logistics", "redwoodlogistics.com", "US"},
    {"Summit Health Partners", "summithealth.com", "US"},
    {"Lakeside Dental Group", "lakesidedental.com", "US"},
    {"Granite State Insurance", "granitestateins.com", "US"},
    {"Bluebird Marketing, Inc.", "bluebirdmarketing.com", "US"},
    {"Fernwood Capital", "fernwoodcap.com", "US"},
    {"Parker, Hale & Co.", "parkerhale.com", "US"},
    {"Silverline Fitness", "silverlinefit.com", "US"},
    {"Tri-County Plumbing", "tricountyplumbing.com", "US"},
    {"Joe's \"Famous\" Diner", "joesfamousdiner.com", "US"},
    {"Maple & Main Bakery", "mapleandmain.ca", "CA"},
    {"Northern Lights Media", "northernlights.ca", "CA"},
    {"Boréal Conseil", "borealconseil.ca", "CA"},
    {"Great Lakes Freight", "greatlakesfreight.ca", "CA"},
    {"Thames Valley Consulting", "thamesvalley.co.uk", "GB"},
    {"Bramble & Finch Ltd", "brambleandfinch.co.uk", "GB"},
    {"Kestrel Data Ltd", "kestreldata.co.uk", "GB"},
    {"O'Reilly & Sons Builders", "oreillybuilders.ie", "IE"},
    {"Liffey Software", "liffeysoftware.ie", "IE"},
    {"Müller & Söhne GmbH", "mueller-soehne.de", "DE"},
    {"Nordwind Maschinenbau GmbH", "nordwind-maschinenbau.de", "DE"},
    {"Bäckerei Schäfer", "baeckerei-schaefer.de", "DE"},
    {"Spree Digital AG", "spreedigital.de", "DE"},
    {"Alpenblick Tourismus GmbH", "alpenblick.at", "AT"},
    {"Zürcher Präzision AG", "zuercher-praezision.ch", "CH"},
    {"Boulangerie Lefèvre SARL", "boulangerie-lefevre.fr", "FR"},
    {"Atelier Lumière", "atelierlumiere.fr", "FR"},
    {"Dupont, Martin et Associés", "dupontmartin.fr", "FR"},
    {"Soluciones Ibéricas S.L.", "solucionesibericas.es", "ES"},
    {"Café \"El Faro\"", "cafeelfaro.es", "ES"},
    {"Transportes Núñez", "transportesnunez.es", "ES"},
    {"Lusitânia Têxteis", "lusitaniatexteis.pt", "PT"},
    {"Studio Bianchi & Ricci", "studiobianchiricci.it", "IT"},
    {"Ferramenta Colombo S.r.l.", "ferramentacolombo.it", "IT"},
    {"Grachten Design B.V.", "grachtendesign.nl", "NL"},
    {"Københavns Kaffe ApS", "kbhkaffe.dk", "DK"},
    {"Nordlys AS", "nordlys.no", "NO"},
    {"Fjord & Fell AS", "fjordogfell.no", "NO"},
    {"Skärgård Solutions AB", "skargardsolutions.se", "SE"},
    {"Wisła Logistyka Sp. z o.o.", "wislalogistyka.pl", "PL"},
    {"Boğaziçi Tekstil A.Ş.", "bogazicitekstil.com.tr", "TR"},
    {"ООО «Вектор»", "vektor-group.ru", "RU"},
    {"Северный Ветер", "severnyveter.ru", "RU"},
    {"华信科技", "huaxin-tech.cn", "CN"},
    {"Shanghai Pearl Trading Co., Ltd.", "pearltrading.cn", "CN"},
    {"株式会社さくら商事", "sakura-shoji.co.jp", "JP"},
    {"Tanaka Precision Co., Ltd.", "tanaka-precision.jp", "JP"},
    {"Sông Hồng Export", "songhongexport.vn", "VN"},
    {"Deccan Softworks Pvt. Ltd.", "deccansoftworks.in", "IN"},
    {"Koala Creative Pty Ltd", "koalacreative.com.au", "AU"},
    {"Bondi Surf Supplies", "bondisurf.com.au", "AU"},
    {"Tropicália Eventos", "tropicaliaeventos.com.br", "BR"},
    {"Grupo Azteca Digital", "aztecadigital.mx", "MX"},
};

const char* const jobTitleSources[] = {
    "Account Executive", "Sales Manager", "VP of Sales", "Head of Procurement", "Chief Executive Officer", "CTO",
    "CFO", "Office Manager", "Marketing Director", "Purchasing Manager", "Operations Manager", "Founder",
    "Co-Founder & CEO", "Owner", "Managing Director", "Business Development Representative",
    "Sales Development Rep", "Customer Success Manager", "IT Manager", "Software Engineer", "Product Manager",
    "Head of Marketing", "Regional Sales Director", "Buyer", "Senior Buyer", "Consultant", "Partner",
    "Project Manager", "HR Manager", "Facilities Coordinator", "Executive Assistant",
    "Director, Strategic Accounts", "Head of R&D", "Engineering Lead", "Store Manager", "Finance Controller",
    "Legal Counsel", "Chief Revenue Officer", "Event Coordinator", "Logistics Coordinator", "Architect",
    "Practice Manager",
};

const char* const tagSources[] = {
    "lead", "customer", "prospect", "vip", "hot", "warm", "cold", "newsletter", "trade show 2026", "webinar",
    "partner", "reseller", "enterprise", "smb", "renewal", "upsell", "churn risk", "decision maker", "influencer",
    "referral", "demo booked", "follow up", "q3 pipeline", "event: berlin", "do not call",
};

const char* const shortNoteSources[] = {
    "Prefers email over phone.",
    "Met at the booth, interested in the enterprise plan.",
    "Call back after the summer holidays.",
    "Budget approved for next quarter.",
    "Referred by an existing customer.",
    "Asked for a demo of the reporting module.",
    "Not the decision maker; reports to the CFO.",
    "Renewal due in March.",
    "Wants pricing for 50 seats, maybe 80.",
    "Speaks German and English.",
    "Left a voicemail, no answer yet.",
    "Downloaded the whitepaper twice.",
    "Very price sensitive.",
    "Happy with the current vendor, check again next year.",
    "Signed up for the newsletter at the webinar.",
    "Interested in a partnership, not in a licence.",
    "Moved from our old CRM.",
    "Best reached before 10 am.",
    "Café meeting went well ☕, follow up Monday.",
    "Needs the contract in French.",
};

const char* const longNoteSources[] = {
    "Asked about \"Pro\" pricing.\nSend the quote by Friday.",
    "Said: \"we're evaluating three vendors, you're one of them\".",
    "Gatekeeper: ask for \"Sam\" at reception.\nDirect line works after 4 pm.",
    "Call notes:\n- wants SSO\n- 120 users, maybe 200\n- decision in Q3",
    "Met at the trade show, booth 12, with her colleague.\nFollow up with the case study, the one about "
    "logistics.",
    "Complained about the last invoice (\"too many line items\"), sorted out by billing.",
    "Old address: 12 Main St, Springfield\nNew address: see the signature of his last email.",
    "Quote from the call: \"If it imports our 40,000 contacts in under a minute, we buy.\"",
    "Line one, with a comma\nLine two\n\nLine four after a blank line",
    "Prefers WhatsApp; number is the mobile one.\r\nDo not call the office line.",
    "Needs: invoices in EUR, a DPA, and the \"enterprise\" SLA.",
    "Intro via LinkedIn, \"warm\" lead.\nSecond call booked.",
};

// ---- Built tables -----------------------------------------------------------------------------

struct Name
{
    QString text;     // as written
    QString latin;    // the Latin or ASCII form, "Mueller", "Xiaoming"
    QString folded;   // accents dropped, "Muller"
    QByteArray mail;  // lower-case ASCII for email local parts, "mueller"
    QString altText;  // the nickname or the full form, empty when there is none
    QString altLatin;
    QByteArray altMail;
};

struct Surname
{
    Name masculine;
    Name feminine;

    const Name& form(bool female) const { return female ? feminine : masculine; }
};

struct Culture
{
    std::vector<Name> male;
    std::vector<Name> female;
    std::vector<Surname> last;
    quint32 latinPercent = 0;
    bool doubleBarrelled = false;
};

struct Weighted
{
    std::vector<int> items;
    std::vector<quint32> cumulative; // running sum of the weights

    quint32 total() const { return cumulative.empty() ? 0 : cumulative.back(); }
};

struct Country
{
    QByteArray callingCode;
    bool trunkZero = false;
    Weighted cultures;
    std::vector<QByteArray> freeMail;
    Weighted freeMailPick;
    std::vector<QString> cities;
    std::vector<int> companies;
    std::vector<QString> jobTitles;
};

struct Area
{
    int country = 0;
    bool nanp = false;
    QByteArray prefix;
    std::vector<QByteArray> heads;
    int freeDigits = 0;
    quint32 tailModulus = 1; // 10^freeDigits
    quint32 capacity = 0;    // heads * 10^freeDigits
    quint64 multiplier = 1;  // coprime with capacity: n -> (n * multiplier + offset) % capacity is a bijection
    std::vector<int> groups;
    QString city;
};

struct Company
{
    QString name;
    QByteArray domain;
};

struct Tables
{
    std::vector<Culture> cultures;
    std::vector<Country> countries;
    std::vector<Area> areas;
    Weighted areaPick;
    std::vector<Company> companies;
    std::vector<int> globalCompanies;
    std::vector<QByteArray> globalFreeMail;
    Weighted globalFreeMailPick;
    std::vector<QString> jobTitles;
    std::vector<QString> tags;
    std::vector<QString> shortNotes;
    std::vector<QString> longNotes;
    std::vector<QString> sources;
    Weighted sourcePick;
};

// Accents dropped: "Müller" -> "Muller", "Łukasz" -> "Lukasz", "Weiß" -> "Weiss". Other scripts are
// left alone apart from their marks ("Фёдоров" -> "Федоров").
QString fold(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        switch (c.unicode()) {
        case 0x0141: out += QLatin1Char('L'); break; // Ł
        case 0x0142: out += QLatin1Char('l'); break;
        case 0x00D8: out += QLatin1Char('O'); break; // Ø
        case 0x00F8: out += QLatin1Char('o'); break;
        case 0x0110: out += QLatin1Char('D'); break; // Đ
        case 0x0111: out += QLatin1Char('d'); break;
        case 0x0131: out += QLatin1Char('i'); break; // dotless ı
        case 0x00C6: out += QLatin1String("Ae"); break;
        case 0x00E6: out += QLatin1String("ae"); break;
        case 0x0152: out += QLatin1String("Oe"); break;
        case 0x0153: out += QLatin1String("oe"); break;
        case 0x00DF: out += QLatin1String("ss"); break;
        default: out += c;
        }
    }
    return out;
}

// "O'Brien" -> "obrien", "van den Berg" -> "vandenberg", "Anna-Lena" -> "anna-lena".
QByteArray mailForm(const QString& latin)
{
    QByteArray out;
    for (const QChar c : latin) {
        const char16_t u = c.unicode();
        if (u >= 'A' && u <= 'Z')
            out += static_cast<char>(u - 'A' + 'a');
        else if (u >= 'a' && u <= 'z')
            out += static_cast<char>(u);
        else if (u == '-' && !out.isEmpty() && !out.endsWith('-'))
            out += '-';
    }
    while (out.endsWith('-'))
        out.chop(1);
    return out;
}

void splitLatin(const QString& spec, QString& text, QString& latin)
{
    const qsizetype slash = spec.indexOf(QLatin1Char('/'));
    text = slash < 0 ? spec : spec.left(slash);
    latin = slash < 0 ? fold(text) : spec.mid(slash + 1);
}

Name parseName(const QString& spec)
{
    Name name;
    const qsizetype eq = spec.indexOf(QLatin1Char('='));
    splitLatin(eq < 0 ? spec : spec.left(eq), name.text, name.latin);
    name.folded = fold(name.text);
    name.mail = mailForm(name.latin);
    if (eq >= 0) {
        splitLatin(spec.mid(eq + 1), name.altText, name.altLatin);
        name.altMail = mailForm(name.altLatin);
    }
    return name;
}

std::vector<Name> parseNames(const char* list)
{
    std::vector<Name> names;
    const QStringList specs = QString::fromUtf8(list).split(QLatin1Char('|'));
    for (const QString& spec : specs)
        names.push_back(parseName(spec));
    return names;
}

std::vector<Surname> parseSurnames(const char* list)
{
    std::vector<Surname> names;
    const QStringList specs = QString::fromUtf8(list).split(QLatin1Char('|'));
    for (const QString& spec : specs) {
        const qsizetype gt = spec.indexOf(QLatin1Char('>'));
        Surname s;
        s.masculine = parseName(gt < 0 ? spec : spec.left(gt));
        s.feminine = gt < 0 ? s.masculine : parseName(spec.mid(gt + 1));
        names.push_back(s);
    }
    return names;
}

// "a:3,b:1" against the names in `keys`; unknown names are a bug in the tables above.
Weighted parseWeights(const char* list, const std::vector<QByteArray>& keys)
{
    Weighted w;
    quint32 sum = 0;
    const QList<QByteArray> parts = QByteArray(list).split(',');
    for (const QByteArray& part : parts) {
        const qsizetype colon = part.indexOf(':');
        const QByteArray key = part.left(colon);
        const auto it = std::find(keys.begin(), keys.end(), key);
        Q_ASSERT(it != keys.end());
        if (it == keys.end())
            continue;
        sum += part.mid(colon + 1).toUInt();
        w.items.push_back(static_cast<int>(it - keys.begin()));
        w.cumulative.push_back(sum);
    }
    return w;
}

Weighted domainWeights(const char* list, std::vector<QByteArray>& domains)
{
    const QList<QByteArray> parts = QByteArray(list).split(',');
    for (const QByteArray& part : parts)
        domains.push_back(part.left(part.indexOf(':')));
    return parseWeights(list, domains);
}

std::vector<QByteArray> parseHeads(const char* spec)
{
    std::vector<QByteArray> heads;
    const QByteArray text(spec);
    if (text.isEmpty()) {
        heads.push_back(QByteArray());
        return heads;
    }
    if (text == "nanp") {
        // Exchanges 200-999 but the N11 service codes and 555 (mostly fictional).
        for (int e = 200; e <= 999; ++e)
            if (e % 100 != 11 && e != 555)
                heads.push_back(QByteArray::number(e));
        return heads;
    }
    const QList<QByteArray> items = text.split(',');
    for (const QByteArray& item : items) {
        const qsizetype dash = item.indexOf('-');
        if (dash < 0) {
            heads.push_back(item);
            continue;
        }
        const QByteArray from = item.left(dash);
        const int width = static_cast<int>(from.size());
        for (int v = from.toInt(); v <= item.mid(dash + 1).toInt(); ++v)
            heads.push_back(QByteArray::number(v).rightJustified(width, '0'));
    }
    return heads;
}

quint64 mix(quint64 x)
{
    // splitmix64's finaliser
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

quint64 hashBytes(const char* data, int size)
{
    quint64 h = 0xcbf29ce484222325ULL; // FNV-1a; qHash is seeded per process, so not used here
    for (int i = 0; i < size; ++i) {
        h ^= static_cast<unsigned char>(data[i]);
        h *= 0x100000001b3ULL;
    }
    return mix(h);
}

std::vector<QString> toStrings(const char* const* first, const char* const* last)
{
    std::vector<QString> out;
    for (; first != last; ++first)
        out.push_back(QString::fromUtf8(*first));
    return out;
}

Tables buildTables()
{
    Tables t;
    std::vector<QByteArray> cultureIds;
    for (const CultureSrc& src : cultureSources) {
        Culture c;
        c.male = parseNames(src.male);
        c.female = parseNames(src.female);
        c.last = parseSurnames(src.last);
        c.latinPercent = static_cast<quint32>(src.latinPercent);
        c.doubleBarrelled = src.doubleBarrelled;
        t.cultures.push_back(std::move(c));
        cultureIds.push_back(src.id);
    }

    std::vector<QByteArray> regions;
    for (const CountrySrc& src : countrySources) {
        Country c;
        c.callingCode = src.callingCode;
        c.trunkZero = src.trunkZero;
        c.cultures = parseWeights(src.cultures, cultureIds);
        c.freeMailPick = domainWeights(src.freeMail, c.freeMail);
        if (*src.jobTitles) {
            const QStringList titles = QString::fromUtf8(src.jobTitles).split(QLatin1Char('|'));
            c.jobTitles.assign(titles.begin(), titles.end());
        }
        t.countries.push_back(std::move(c));
        regions.push_back(src.region);
    }
    auto regionIndex = [&](const char* region) {
        const auto it = std::find(regions.begin(), regions.end(), QByteArray(region));
        Q_ASSERT(it != regions.end());
        return static_cast<int>(it - regions.begin());
    };

    quint32 areaWeights = 0;
    for (const AreaSrc& src : areaSources) {
        Area a;
        a.country = regionIndex(src.region);
        a.nanp = qstrcmp(src.heads, "nanp") == 0;
        a.prefix = src.prefix;
        a.heads = parseHeads(src.heads);
        a.freeDigits = src.freeDigits;
        for (int i = 0; i < a.freeDigits; ++i)
            a.tailModulus *= 10;
        const quint64 capacity = static_cast<quint64>(a.heads.size()) * a.tailModulus;
        Q_ASSERT(capacity >= 1000000 && capacity < (quint64(1) << 32));
        a.capacity = static_cast<quint32>(capacity);
        // Any multiplier coprime with the capacity is a bijection; one derived from the prefix
        // scatters consecutive rows over the whole range.
        a.multiplier = a.capacity / 4 + hashBytes(src.prefix, static_cast<int>(qstrlen(src.prefix))) % (a.capacity / 2);
        while (std::gcd(a.multiplier, static_cast<quint64>(a.capacity)) != 1)
            ++a.multiplier;
        for (const QByteArray& g : QByteArray(src.groups).split(' '))
            a.groups.push_back(g.toInt());
        a.city = QString::fromUtf8(src.city);
        Country& country = t.countries[static_cast<size_t>(a.country)];
        std::vector<QString>& cities = country.cities;
        if (!a.city.isEmpty() && std::find(cities.begin(), cities.end(), a.city) == cities.end())
            cities.push_back(a.city);
        areaWeights += static_cast<quint32>(src.weight);
        t.areaPick.items.push_back(static_cast<int>(t.areas.size()));
        t.areaPick.cumulative.push_back(areaWeights);
        t.areas.push_back(std::move(a));
    }

    for (const CompanySrc& src : companySources) {
        const int index = static_cast<int>(t.companies.size());
        t.companies.push_back({QString::fromUtf8(src.name), QByteArray(src.domain)});
        if (*src.region)
            t.countries[static_cast<size_t>(regionIndex(src.region))].companies.push_back(index);
        else
            t.globalCompanies.push_back(index);
    }

    t.globalFreeMailPick = domainWeights(globalFreeMail, t.globalFreeMail);
    t.jobTitles = toStrings(std::begin(jobTitleSources), std::end(jobTitleSources));
    t.tags = toStrings(std::begin(tagSources), std::end(tagSources));
    t.shortNotes = toStrings(std::begin(shortNoteSources), std::end(shortNoteSources));
    t.longNotes = toStrings(std::begin(longNoteSources), std::end(longNoteSources));
    std::vector<QByteArray> sources;
    t.sourcePick = domainWeights("manual:30,csv:30,vcard:12,chat:10,connected:18", sources);
    for (const QByteArray& s : sources)
        t.sources.push_back(QString::fromLatin1(s));
    return t;
}

const Tables& tables()
{
    static const Tables t = buildTables();
    return t;
}

// ---- Phones -----------------------------------------------------------------------------------

// How a phone is written, an index into the weight tables below. NANP numbers use all of them but
// the trunk and dot forms of other countries; other countries always carry their +calling code, as
// "0049 30 ..." would not parse with the default region US.
constexpr int NationalParens = 0; // (415) 555-0123
constexpr int NationalDashes = 1; // 415-555-0123
constexpr int IntlSpaces = 2;     // +1 415 555 0123, +49 30 12345678
constexpr int Compact = 3;        // +14155550123
constexpr int NationalDots = 4;   // 415.555.0123
constexpr int IntlParens = 5;     // +1 (415) 555-0123
constexpr int OneDashes = 6;      // 1-415-555-0123
constexpr int IntlDashes = 7;     // +1-415-555-0123, +33-1-23-45-67-89
constexpr int IntlTrunk = 8;      // +44 (0)20 7946 0123
constexpr int IntlDots = 9;       // +33 1.23.45.67.89
constexpr int PhoneStyleCount = 10;

const quint32 nanpStyleWeights[PhoneStyleCount] = {28, 24, 14, 10, 8, 6, 5, 5, 0, 0};
const quint32 intlStyleWeights[PhoneStyleCount] = {0, 0, 55, 22, 0, 0, 0, 8, 8, 7};

int nationalNumber(const Area& a, quint32 subscriber, char* out)
{
    int n = 0;
    for (const char c : a.prefix)
        out[n++] = c;
    for (const char c : a.heads[subscriber / a.tailModulus])
        out[n++] = c;
    quint32 tail = subscriber % a.tailModulus;
    for (int i = a.freeDigits - 1; i >= 0; --i) {
        out[n + i] = static_cast<char>('0' + tail % 10);
        tail /= 10;
    }
    return n + a.freeDigits;
}

QString phoneText(const Tables& t, int areaIndex, quint32 subscriber, int style)
{
    const Area& a = t.areas[static_cast<size_t>(areaIndex)];
    const Country& country = t.countries[static_cast<size_t>(a.country)];
    char nsn[32];
    const int nsnSize = nationalNumber(a, subscriber, nsn);
    char buf[64];
    int o = 0;
    auto put = [&](char c) { buf[o++] = c; };
    auto putCallingCode = [&] {
        put('+');
        for (const char c : country.callingCode)
            put(c);
    };
    // The groups of the national number, `first` after the first group and `sep` after the others.
    auto putGroups = [&](const char* first, char sep) {
        int pos = 0;
        for (size_t g = 0; g < a.groups.size(); ++g) {
            if (g == 1)
                for (const char* p = first; *p; ++p)
                    put(*p);
            else if (g > 1)
                put(sep);
            for (int i = 0; i < a.groups[g]; ++i)
                put(nsn[pos++]);
        }
    };
    switch (style) {
    case NationalParens:
        put('(');
        putGroups(") ", '-');
        break;
    case NationalDashes:
        putGroups("-", '-');
        break;
    case IntlSpaces:
        putCallingCode();
        put(' ');
        putGroups(" ", ' ');
        break;
    case Compact:
        putCallingCode();
        for (int i = 0; i < nsnSize; ++i)
            put(nsn[i]);
        break;
    case NationalDots:
        putGroups(".", '.');
        break;
    case IntlParens:
        putCallingCode();
        put(' ');
        put('(');
        putGroups(") ", '-');
        break;
    case OneDashes:
        put('1');
        put('-');
        putGroups("-", '-');
        break;
    case IntlDashes:
        putCallingCode();
        put('-');
        putGroups("-", '-');
        break;
    case IntlTrunk:
        putCallingCode();
        put(' ');
        put('(');
        put('0');
        put(')');
        putGroups(" ", ' ');
        break;
    case IntlDots:
        putCallingCode();
        put(' ');
        putGroups(".", '.');
        break;
    default:
        break;
    }
    return QString::fromLatin1(buf, o);
}

// ---- Names ------------------------------------------------------------------------------------

const char* const keyboardNeighbours[26] = {
    "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko", "huikmn", "jiolm", "kop",
    "njk", "bhjm", "iklp", "ol", "wa", "edft", "awedxz", "rfgy", "yhji", "cfgb", "qase", "zsdc", "tghu", "asx",
};

QString joinedLast(const Name& first, const Name* second, const QString Name::*form)
{
    if (!second)
        return first.*form;
    return first.*form + QLatin1Char('-') + second->*form;
}

} // namespace

// ---- DemoDataGenerator ------------------------------------------------------------------------

namespace {
constexpr size_t recentCapacity = 1000;
// 2^25 bits (4 MB): about 0.1% false positives at 1,000,000 addresses, and a false positive only
// adds a number to an address that did not need one.
constexpr int bloomBits = 25;
} // namespace

DemoDataGenerator::DemoDataGenerator(quint64 seed)
    : m_rng(seed)
{
    const Tables& t = tables();
    m_areaUsed.assign(t.areas.size(), 0);
    m_areaOffset.reserve(t.areas.size());
    for (const Area& a : t.areas)
        m_areaOffset.push_back(below(a.capacity));
    m_seenEmails.assign(size_t(1) << (bloomBits - 6), 0);
    m_recent.reserve(recentCapacity);
}

quint32 DemoDataGenerator::below(quint32 n)
{
    Q_ASSERT(n > 0);
    // Rejection keeps it uniform; unlike std::uniform_int_distribution the result is the same
    // with every standard library.
    const quint64 threshold = (0 - static_cast<quint64>(n)) % n;
    quint64 x = m_rng();
    while (x < threshold)
        x = m_rng();
    return static_cast<quint32>(x % n);
}

bool DemoDataGenerator::percent(quint32 chance)
{
    return below(100) < chance;
}

namespace {

int pick(const Weighted& w, quint32 roll)
{
    const auto it = std::upper_bound(w.cumulative.begin(), w.cumulative.end(), roll);
    return w.items[static_cast<size_t>(it - w.cumulative.begin())];
}

} // namespace

QString DemoDataGenerator::makeEmail(quint64 index, const QByteArray& first, const QByteArray& last,
                                     const QByteArray& domain, bool freeMail)
{
    // first.last, flast, f.last, firstlast, first, firstl, first_last, last.first, lastfirst
    // Work addresses follow the company's scheme; private ones are wilder and often carry a number.
    static const quint32 workWeights[] = {42, 18, 8, 8, 5, 5, 6, 4, 4};
    static const quint32 freeWeights[] = {34, 12, 4, 16, 6, 4, 14, 6, 4};
    const quint32* weights = freeMail ? freeWeights : workWeights;
    quint32 roll = below(100);
    int pattern = 0;
    while (roll >= weights[pattern]) {
        roll -= weights[pattern];
        ++pattern;
    }
    const bool numbered = freeMail && percent(35);

    char buf[192];
    int n = 0;
    auto put = [&](const QByteArray& s) {
        const int size = static_cast<int>(std::min<qsizetype>(s.size(), 40));
        std::memcpy(buf + n, s.constData(), static_cast<size_t>(size));
        n += size;
    };
    auto putChar = [&](char c) { buf[n++] = c; };
    switch (pattern) {
    case 0: put(first); putChar('.'); put(last); break;
    case 1: putChar(first.at(0)); put(last); break;
    case 2: putChar(first.at(0)); putChar('.'); put(last); break;
    case 3: put(first); put(last); break;
    case 4: put(first); break;
    case 5: put(first); putChar(last.at(0)); break;
    case 6: put(first); putChar('_'); put(last); break;
    case 7: put(last); putChar('.'); put(first); break;
    default: put(last); put(first); break;
    }
    const int localSize = n;
    putChar('@');
    put(domain);

    // The plain form has no digits, the numbered one ends in the row index: a numbered address
    // never equals a plain one, nor a numbered one of another row. A plain form is used once.
    bool plain = !numbered;
    if (plain) {
        // Gmail ignores dots in the local part: first.last@ and firstlast@ are one mailbox, so
        // two people never get them (the duplicate finder rightly treats them as one person).
        char key[192];
        int k = 0;
        const bool gmail = domain == "gmail.com";
        for (int i = 0; i < n; ++i)
            if (!(gmail && i < localSize && buf[i] == '.'))
                key[k++] = buf[i];
        const quint64 h = hashBytes(key, k);
        const quint64 h2 = mix(h ^ 0x9e3779b97f4a7c15ULL) | 1;
        const quint64 mask = (quint64(1) << bloomBits) - 1;
        bool seen = true;
        for (int j = 0; j < 3; ++j) {
            const quint64 bit = (h + j * h2) & mask;
            quint64& word = m_seenEmails[static_cast<size_t>(bit >> 6)];
            const quint64 flag = quint64(1) << (bit & 63);
            seen = seen && (word & flag);
            word |= flag;
        }
        plain = !seen;
    }
    if (!plain) {
        char digits[24];
        int d = 0;
        quint64 v = index;
        do {
            digits[d++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v);
        std::memmove(buf + localSize + d, buf + localSize, static_cast<size_t>(n - localSize));
        for (int i = 0; i < d; ++i)
            buf[localSize + i] = digits[d - 1 - i];
        n += d;
    }
    if (percent(3)) { // "Jane.Doe@..." as some people type it
        for (int i = 0; i < localSize; ++i)
            if ((i == 0 || buf[i - 1] == '.' || buf[i - 1] == '_' || buf[i - 1] == '-') && buf[i] >= 'a'
                && buf[i] <= 'z')
                buf[i] = static_cast<char>(buf[i] - 'a' + 'A');
    }
    return QString::fromLatin1(buf, n);
}

DemoRow DemoDataGenerator::next()
{
    const Tables& t = tables();
    if (!m_recent.empty() && below(1000) < 30)
        return nearDuplicate();
    const quint64 index = m_index++;

    RecentRow r;
    DemoRow& row = r.row;
    const int areaIndex = pick(t.areaPick, below(t.areaPick.total()));
    r.area = areaIndex;
    const Area& area = t.areas[static_cast<size_t>(areaIndex)];
    const Country& country = t.countries[static_cast<size_t>(area.country)];

    r.culture = pick(country.cultures, below(country.cultures.total()));
    const Culture& culture = t.cultures[static_cast<size_t>(r.culture)];
    r.female = below(2) == 1;
    const std::vector<Name>& firstNames = r.female ? culture.female : culture.male;
    r.firstName = static_cast<int>(below(static_cast<quint32>(firstNames.size())));
    r.lastName = static_cast<int>(below(static_cast<quint32>(culture.last.size())));
    if (culture.doubleBarrelled && percent(4)) {
        r.secondLast = static_cast<int>(below(static_cast<quint32>(culture.last.size())));
        if (r.secondLast == r.lastName)
            r.secondLast = -1;
    }
    r.latin = culture.latinPercent > 0 && percent(culture.latinPercent);
    const Name& first = firstNames[static_cast<size_t>(r.firstName)];
    const Name& last = culture.last[static_cast<size_t>(r.lastName)].form(r.female);
    const Name* second = r.secondLast < 0 ? nullptr : &culture.last[static_cast<size_t>(r.secondLast)].form(r.female);
    row.firstName = r.latin ? first.latin : first.text;
    row.lastName = joinedLast(last, second, r.latin ? &Name::latin : &Name::text);

    int company = -1;
    if (!percent(8)) {
        if (!country.companies.empty() && percent(55))
            company = country.companies[below(static_cast<quint32>(country.companies.size()))];
        else
            company = t.globalCompanies[below(static_cast<quint32>(t.globalCompanies.size()))];
        row.company = t.companies[static_cast<size_t>(company)].name;
    }
    if (!percent(6)) {
        if (!country.jobTitles.empty() && percent(35))
            row.jobTitle = country.jobTitles[below(static_cast<quint32>(country.jobTitles.size()))];
        else
            row.jobTitle = t.jobTitles[below(static_cast<quint32>(t.jobTitles.size()))];
    }
    row.city = !area.city.isEmpty() ? area.city : country.cities[below(static_cast<quint32>(country.cities.size()))];
    row.source = t.sources[static_cast<size_t>(pick(t.sourcePick, below(t.sourcePick.total())))];

    const quint32 tagRoll = below(100);
    const int tagCount = tagRoll < 40 ? 0 : tagRoll < 70 ? 1 : tagRoll < 90 ? 2 : 3;
    for (int i = 0; i < tagCount; ++i) {
        const QString& tag = t.tags[below(static_cast<quint32>(t.tags.size()))];
        if (!row.tags.contains(tag))
            row.tags.append(tag);
    }
    const quint32 noteRoll = below(100);
    if (noteRoll >= 88)
        row.notes = t.longNotes[below(static_cast<quint32>(t.longNotes.size()))];
    else if (noteRoll >= 65)
        row.notes = t.shortNotes[below(static_cast<quint32>(t.shortNotes.size()))];

    const quint32 contactRoll = below(100);
    const bool hasEmail = contactRoll >= 4;
    const bool hasPhone = contactRoll < 4 || contactRoll >= 12;
    if (hasPhone) {
        // The n-th number of an area is a fixed bijection of n: unique without remembering any.
        const quint64 n = m_areaUsed[static_cast<size_t>(areaIndex)]++;
        r.hasPhone = true;
        r.subscriber = static_cast<quint32>((n * area.multiplier + m_areaOffset[static_cast<size_t>(areaIndex)])
                                            % area.capacity);
        const quint32* weights = area.nanp ? nanpStyleWeights : intlStyleWeights;
        quint32 roll = below(100);
        int style = 0;
        while (roll >= weights[style]) {
            roll -= weights[style];
            ++style;
        }
        if (style == IntlTrunk && !country.trunkZero)
            style = IntlSpaces;
        r.phoneFormat = style;
        row.phone = phoneText(t, areaIndex, r.subscriber, style);
    }
    if (hasEmail) {
        const QByteArray lastMail = second ? last.mail + '-' + second->mail : last.mail;
        if (company >= 0 && percent(70)) {
            row.email = makeEmail(index, first.mail, lastMail, t.companies[static_cast<size_t>(company)].domain, false);
        } else {
            const bool local = !country.freeMail.empty() && percent(35);
            const QByteArray& domain = local
                ? country.freeMail[static_cast<size_t>(pick(country.freeMailPick, below(country.freeMailPick.total())))]
                : t.globalFreeMail[static_cast<size_t>(
                    pick(t.globalFreeMailPick, below(t.globalFreeMailPick.total())))];
            row.email = makeEmail(index, first.mail, lastMail, domain, true);
        }
    }

    DemoRow out = row;
    if (m_recent.size() < recentCapacity) {
        m_recent.push_back(std::move(r));
    } else {
        m_recent[m_recentNext] = std::move(r);
        m_recentNext = (m_recentNext + 1) % recentCapacity;
    }
    return out;
}

DemoRow DemoDataGenerator::nearDuplicate()
{
    const Tables& t = tables();
    const quint64 index = m_index++;
    const RecentRow& r = m_recent[below(static_cast<quint32>(m_recent.size()))];
    const Culture& culture = t.cultures[static_cast<size_t>(r.culture)];
    const Name& first = (r.female ? culture.female : culture.male)[static_cast<size_t>(r.firstName)];
    const Name& last = culture.last[static_cast<size_t>(r.lastName)].form(r.female);
    const Name* second = r.secondLast < 0 ? nullptr : &culture.last[static_cast<size_t>(r.secondLast)].form(r.female);

    DemoRow row;
    row.nearDuplicate = true;
    row.firstName = r.row.firstName;
    row.lastName = r.row.lastName;
    QByteArray firstMail = first.mail;

    constexpr int Nickname = 0, Typo = 1, Accents = 2, Swap = 3, Case = 4;
    quint32 weights[] = {30, 25, 20, 10, 15};
    if (first.altText.isEmpty())
        weights[Nickname] = 0;
    const bool typoOnLast = row.lastName.size() >= 4;
    if (!typoOnLast && row.firstName.size() < 4)
        weights[Typo] = 0;
    const QString latinFirst = first.latin;
    const QString latinLast = joinedLast(last, second, &Name::latin);
    const QString foldedFirst = first.folded;
    const QString foldedLast = joinedLast(last, second, &Name::folded);
    const bool latinDiffers = latinFirst != row.firstName || latinLast != row.lastName;
    const bool foldedDiffers = foldedFirst != row.firstName || foldedLast != row.lastName;
    if (r.latin || (!latinDiffers && !foldedDiffers))
        weights[Accents] = 0;
    if (row.firstName.toUpper() == row.firstName && row.lastName.toUpper() == row.lastName)
        weights[Case] = 0; // no letter case in CJK
    quint32 total = 0;
    for (const quint32 w : weights)
        total += w;
    quint32 roll = below(total);
    int variation = 0;
    while (roll >= weights[variation]) {
        roll -= weights[variation];
        ++variation;
    }

    switch (variation) {
    case Nickname:
        row.firstName = r.latin ? first.altLatin : first.altText;
        firstMail = first.altMail;
        break;
    case Typo: {
        QString& name = typoOnLast ? row.lastName : row.firstName;
        const quint32 size = static_cast<quint32>(name.size());
        // After the first letter and preferably on a lower-case one, as a hurried typist would.
        int pos = 1 + static_cast<int>(below(size - 2));
        for (int attempt = 0; attempt < 4 && !name.at(pos).isLower(); ++attempt)
            pos = 1 + static_cast<int>(below(size - 2));
        const quint32 kind = below(4);
        const QChar c = name.at(pos);
        if (kind == 0 && c.isLower() && name.at(pos + 1).isLower() && c != name.at(pos + 1)) {
            name[pos] = name.at(pos + 1);
            name[pos + 1] = c;
        } else if (kind == 1 && c >= QLatin1Char('a') && c <= QLatin1Char('z')) {
            const char* near = keyboardNeighbours[c.unicode() - 'a'];
            name[pos] = QLatin1Char(near[below(static_cast<quint32>(qstrlen(near)))]);
        } else if (kind == 2 && c.isLower()) {
            name.insert(pos, c);
        } else {
            name.remove(pos, 1);
        }
        break;
    }
    case Accents:
        if (latinDiffers && (!foldedDiffers || below(2) == 0)) {
            row.firstName = latinFirst;
            row.lastName = latinLast;
        } else {
            row.firstName = foldedFirst;
            row.lastName = foldedLast;
        }
        break;
    case Case:
        if (below(2) == 0) {
            row.lastName = row.lastName.toUpper();
        } else {
            row.firstName = row.firstName.toLower();
            row.lastName = row.lastName.toLower();
        }
        break;
    default:
        break;
    }
    if (variation == Swap || (row.firstName == r.row.firstName && row.lastName == r.row.lastName))
        std::swap(row.firstName, row.lastName);

    // A private address of the same person, never the one of the earlier row.
    const QByteArray lastMail = second ? last.mail + '-' + second->mail : last.mail;
    const Area& area = t.areas[static_cast<size_t>(r.area)];
    const Country& country = t.countries[static_cast<size_t>(area.country)];
    const bool local = !country.freeMail.empty() && percent(30);
    const QByteArray& domain = local
        ? country.freeMail[static_cast<size_t>(pick(country.freeMailPick, below(country.freeMailPick.total())))]
        : t.globalFreeMail[static_cast<size_t>(pick(t.globalFreeMailPick, below(t.globalFreeMailPick.total())))];
    row.email = makeEmail(index, firstMail, lastMail, domain, true);

    if (r.hasPhone && percent(50)) { // the same phone, written another way
        const quint32* styleWeights = area.nanp ? nanpStyleWeights : intlStyleWeights;
        int style = r.phoneFormat;
        for (int attempt = 0; attempt < 8 && style == r.phoneFormat; ++attempt) {
            quint32 styleRoll = below(100);
            style = 0;
            while (styleRoll >= styleWeights[style]) {
                styleRoll -= styleWeights[style];
                ++style;
            }
            if (style == IntlTrunk && !country.trunkZero)
                style = IntlSpaces;
        }
        if (style == r.phoneFormat)
            style = r.phoneFormat == Compact ? IntlSpaces : Compact;
        row.phone = phoneText(t, r.area, r.subscriber, style);
    }

    row.company = percent(65) ? r.row.company : QString();
    row.jobTitle = percent(50) ? r.row.jobTitle : QString();
    row.city = percent(70) ? r.row.city : QString();
    row.source = t.sources[static_cast<size_t>(pick(t.sourcePick, below(t.sourcePick.total())))];
    if (percent(40))
        row.tags.append(t.tags[below(static_cast<quint32>(t.tags.size()))]);
    if (percent(15))
        row.notes = t.shortNotes[below(static_cast<quint32>(t.shortNotes.size()))];
    return row;
}

QStringList DemoDataGenerator::csvHeader()
{
    return {QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("email"),
            QStringLiteral("phone"),      QStringLiteral("company"),   QStringLiteral("job_title"),
            QStringLiteral("city"),       QStringLiteral("source"),    QStringLiteral("tags"),
            QStringLiteral("notes")};
}

QStringList DemoDataGenerator::toCsvFields(const DemoRow& row)
{
    return {row.firstName, row.lastName, row.email, row.phone,
            row.company,   row.jobTitle, row.city,  row.source,
            row.tags.join(QStringLiteral(", ")), row.notes};
}

} // namespace ContactDesk
