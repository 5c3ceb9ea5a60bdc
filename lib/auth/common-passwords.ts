/**
 * The common-password list shipped with Viestikone, used by the "common" rule of
 * `lib/auth/password-policy.ts` (browser and server alike, so it must stay small and pure).
 *
 * Where it came from: no suitably licensed list was available in node_modules, so this list was
 * written for the project (no third-party list was copied). WORLDWIDE holds the passwords that
 * recur at the top of published breach-corpus rankings (the "123456 / password / qwerty" family,
 * names, sports teams, pop culture, common service and default passwords, other languages'
 * "password" words); FINNISH holds Finnish words, phrases, places, names, teams and brands that
 * Finns are known to pick (salasana, kissa123, perkele, suomi100, hyvää päivää…). GENERATED below
 * adds, programmatically, seasons/months/holidays with the years 2000–2030, keyboard walks of the
 * US and Finnish layouts, and repeated/sequential characters. Slurs are deliberately left out.
 *
 * Entries are stored folded (NFC + toLocaleLowerCase("fi")), and the policy compares folded
 * passwords, also with trailing digits/punctuation/symbols/spaces removed, so "Salasana2024!" is
 * caught by "salasana"; listing "salasana1" as well is redundant but harmless. Entries shorter than
 * 3 code points are dropped. Edit freely: keep entries space-separated, lower-case.
 */

const WORLDWIDE = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football monkey
letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx 7777777
121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew
tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer
michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess
joshua cheese amanda summer love ashley 6969 nicole chelsea biteme matthew access yankees 987654321 dallas austin
thunder taylor matrix william corvette hello martin heather secret merlin diamond 1234qwer gfhjkm hammer silver
222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard
samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick phoenix camaro sexy peanut morgan
welcome falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer
booboo spider nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple
banana junior hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby
0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player nikita
knight fender barney midnight please brandy chicago badboy slayer rangers charles angel flower bigdaddy rabbit
wizard jasper enter rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince fishing
cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden 8675309
panther lauren angela spanky thx1138 angels madison winston shannon mike toyota jordan23 canada sophie apples tiger
123abc pokemon qazxsw 55555 qwaszx muffin johnson murphy cooper jonathan liverpoo david danielle 159357 jackie 1990
123456a 789456 turtle abcd1234 scorpion qazwsxedc 101010 butter carlos password1 dennis slipknot qwerty123 booger
asdf 1991 black startrek 12341234 cameron newyork rainbow nathan john 1992 rocket viking redskins sierra peaches
gemini doctor wilson sandra helpme qwertyui victor florida dolphin pookie captain tucker blue liverpool theman
bandit dolphins maddog packers jaguar lovers nicholas united tiffany maxwell zzzzzz nirvana jeremy stupid monica
elephant giants hotdog rosebud success debbie mountain 444444 xxxxxxxx warrior 1q2w3e4r5t q1w2e3 123456q albert
metallic lucky azerty 7777 alex bond007 alexis 1111111 samson 5150 willie scorpio bonnie gators benjamin voodoo
driver dexter 2112 jason calvin freddy 212121 creative 12345a sydney rush2112 1989 asdfghjk red123 bubba 4815162342
passw0rd trouble gunner happy gordon legend jessie stella qwert eminem arthur apple nissan bear america 1qazxsw2
nothing parker 4444 rebecca qweqwe garfield 01012011 beavis 69696969 jack asdasd december 2222 102030 252525
11223344 magic apollo skippy 315475 girls kitten golf copper braves shelby godzilla beaver fred tomcat august buddy
airborne 1993 1988 lifehack qqqqqq brooklyn animal platinum phantom online xavier darkness blink182 power fish green
789456123 voyager police travis 12qwaszx heaven snowball lover abcdef 00000 pakistan 007007 walter playboy blazer
cricket sniper donkey willow loveme saturn therock redwings bigboy pumpkin trinity williams nintendo digital destiny
topgun runner marvin guinness chance bubbles testing fire november minecraft asdf1234 lasvegas sergey broncos
cartman private celtic birdie little cassie babygirl donald beatles 1313 family 12121212 school louise gabriel
eclipse fluffy 147258369 lol123 explorer beer nelson flyers spencer scott lovely gibson doggie cherry andrey
snickers buffalo pantera metallica member carter qwertyu peter alexande steve bronco paradise goober 5555 samuel
montana mexico dreams michigan magnum surfer maximus genius cool vampire lacrosse asd123 aaaa christin kimberly
speedy sharon carmen 111222 kristina sammy racing ou812 sabrina horses 0987654321 qwerty1 pimpin baby stalker enigma
147147 star poohbear simple 12345q marcus brian 1987 qweasdzxc drowssap hahaha caroline barbara dave viper drummer
action einstein genesis hello1 scotty friend forest 010203 hotrod google vanessa spitfire badger maryjane friday
alaska 1232323q tester jester jake champion billy 147852 rock hawaii chevy 420420 walker stephen eagle1 bill 1986
october gregory svetlana pamela 1984 music shorty westside stanley diesel courtney 242424 kevin hitman mark
12345qwert reddog frank qwe123 popcorn patricia aaaaaaaa 1969 teresa mozart buddha anderson paul melanie abcdefg
security lucky1 lizard denise 3333 a12345 123789 ruslan stargate simpsons scarface eagle 123456789a thumper olivia
naruto 1234554321 general cherokee a123456 vincent spooky qweasd free frankie douglas death 1980 loveyou kitty kelly
veronica suzuki semperfi penguin mercury liberty spirit scotland natalie marley vikings system king allison marshall
1979 098765 qwerty12 hummer adrian 1985 vfhbyf sandman rocky leslie antonio 98765432 4321 softball passion mnbvcxz
rascal howard franklin bigred alexander homer redrum jupiter claudia 55555555 141414 zaq12wsx patches raider
infinity andre 54321 galore college russia kawasaki bishop 77777777 vladimir money1 freeuser wildcats francis disney
budlight brittany 1994 00000000 sweet oksana honda domino bulldogs brutus swordfish norman monday jimmy ironman ford
fantasy 9999 7654321 duncan cougar 1977 jeffrey house dancer brooke timothy super marines justice digger connor
patriots karina 202020 molly everton tinker alicia pearljam stinky naughty colorado 123123a water test123 ncc1701d
motorola ireland asdfg matt houston boogie zombie accord vision bradley reggie kermit froggy ducati avalon 6666
9379992 sarah saints logitech chopper 852456 simpson madonna juventus claire 159951 zachary yfnfif wolverine
warcraft hello123 extreme peekaboo fireman eugene brenda 123654789 russell panthers georgia smith skyline jesus
elizabeth spiderman smooth pirate empire bullet 8888 virginia valentin psycho predator arizona 134679 mitchell
alyssa vegeta titanic christ goblue fylhtq wolf mmmmmm kirill indian hiphop baxter awesome people danger roland
mookie 741852963 1111111111 dreamer bambam arnold 1981 skipper serega rolltide elvis changeme simon 1q2w3e lovelove
fktrcfylh denver tommy mine loverboy hobbes happy1 alison nemesis chevelle cardinal burton picard 151515 tweety
michael1 147852369 12312 xxxx windows turkey 456789 1974 vfrcbv sublime 1975 galina bobby newport manutd daddy
american alexandr 1966 victory rooster qqq111 madmax electric a1b2c3 wolfpack spring phpbb lalala eric darkside
classic raptor 123456789q hendrix 1982 wombat avatar alpha zxc123 crazy hard england brazil 1978 01011980 wildcat
polina freepass admin aa123456 unknown 12345678910 admin123 user p@ssw0rd root pass@123 ubnt aa@123456 demo
admin@123 guest 1q2w3e4r5t6y 1qaz!qaz !qaz2wsx aa123456789 qq123456 q123456 asd123456 woaini woaini1314 5201314
1314520 520520 aini1314 iloveyou1 iloveu love123 babygirl1 princess1 jesus1 blessed password12 password123
password1234 passwordpassword abcdef123 abc12345 a123456789 qwerty12345 qwerty1234 zxcvbnm123 welcome1 welcome123
letmein1 default administrator support server oracle mysql postgres postgresql raspberry toor alpine cisco ubuntu
vagrant secret123 master123 changeme123 p@ssword p@ssword1 pa$$word pa55word passw0rd1 password! password1!
qwerty123! qwerty! 123qwe123 qweqweqwe qwe123qwe passwort hallo hallo123 schatz ichliebedich geheim geheim123
fussball schalke04 bayern borussia motdepasse soleil doudou chouchou bonjour loulou marseille azertyuiop nicolas
camille doudou123 contraseña contrasena teamo tequiero mariposa princesa estrella corazon barcelona realmadrid senha
amor flamengo corinthians palmeiras gremio wachtwoord welkom geheim01 lösenord losenord hejsan sommar vinter hemligt
fotboll hammarby passord adgangskode kodeord hemmelig haslo haslo123 zaq1@wsx kochanie parola parola123 пароль
привет йцукен qwertz qwertzuiop qwertz123 123456qwerty qwerty7 iloveyou2 loveyou1 lovelove1 football1 baseball1
soccer1 hockey1 monkey1 dragon1 shadow1 master1 superman1 batman1 sunshine1 princess12 charlie1 jordan1 thomas1
daniel1 michelle1 jessica1 nicole1 ashley1 chelsea1 matthew1 samsung1 samsung123 computer1 internet1 angel1 flower1
tigger1 hunter1 pepper1 ginger1 summer1 winter1 spring1 autumn fall starwars1 pokemon1 minecraft1 fortnite roblox
roblox123 youtube facebook instagram twitter tiktok snapchat whatsapp google123 apple123 iphone android microsoft
windows10 linux ubuntu123 yahoo hotmail gmail outlook netflix spotify amazon paypal ebay skype zoom teams office
office365 outlook365 azure aws qwerty11 qwerty01 qwerty00 qwerty321 qwerty789 1qaz2wsx3edc 1qaz2wsx3edc4rfv zaq1xsw2
zaq1zaq1 xsw2zaq1 1qa2ws3ed qazwsx123 qazwsxedcrfv asdfghjkl123 asdasd123 asd12345 zxczxc zxcvbn123 poiuytrewq
lkjhgfdsa mnbvcxz123 qwertyuiop123 abcabc abc123abc abcd123 abcde12345 aaa111 aaa123 aa1234 a1b2c3d4 a1s2d3f4
1a2b3c4d qwe1234 1234abcd 1234asdf 112233445566 123412341234 123456123456 123123123123 111222333 123456654321 98765
147369 159357456 741852 963852741 789789 456456 321321 123000 100200 111000 999000 12345678900 11112222 12121 13579
2468 246810 135790 24682468 13131313 11001100 10101010 0102030405 01020304 010101 0123456789 0011223344 trustno1!
letmein123 welcome2 hello12345 iloveyou123 iloveyou12 sunshine123 princess123 football123 monkey123 dragon123
shadow123 master12 killer123 qazxswedc liverpool1 arsenal1 chelsea123 manchester manchesterunited juventus1
barcelona1 realmadrid1 messi ronaldo cristiano cr7 neymar mbappe beckham zidane maradona pele superstar rockstar
popstar gangster hustler goddess angel123 angels1 babyboy babydoll sweetheart sweetie honey honey123 sugar cupcake
cutie cutiepie lovebug kisses hugs xoxo forever1 together always myself mylove mylife myspace facebook1 password2
password3 password7 password9 password11 password13 password22 password99 pass123 pass1234 pass12345 passpass
pa55w0rd passwd passwort1 secret1 secret12 secreto topsecret supersecret mypassword mypass newpassword newpass
oldpassword temp temp123 temporary temppass test1 test12 test1234 testtest testing123 qa123 dev123 devops deploy
backup backup123 nopassword none null undefined blank empty letmeinnow openup opensesame access123 accessdenied
login login123 logmein signin welcome! hello! admin1 admin12 admin1234 admin12345 administrator1 adminadmin root123
rootroot root1234 superuser sysadmin manager manager123 office123 company company123 business work work123 staff
staff123 employee customer client sales marketing finance account account123 accounting support123 service
service123 helpdesk it123 january february march april may june july august1 september october1 november1 december1
monday1 tuesday wednesday thursday friday1 saturday sunday weekend holiday holidays vacation christmas xmas newyear
easter halloween valentine birthday happybirthday summertime sunshine! beach ocean island paradise1 chocolate
icecream cookies candy pizza burger hamburger cheese1 bacon sausage potato tomato banana1 apple1 orange1 strawberry
blueberry cherry1 lemon lime mango peach pineapple coconut watermelon kiwi grape coffee1 tea milk water1 beer1
whiskey vodka tequila wine champagne red blue1 green1 yellow1 purple1 pink black1 white brown gray grey silver1 gold
golden1 orange2 rainbow1 cat dog cats dogs kitty1 kitten1 puppy puppies doggy horse horses1 pony unicorn dolphin1
tiger1 lion lions bear1 bears wolf1 wolves fox eagle2 hawk falcon1 raven crow owl penguin1 panda koala monkey2
donkey1 turtle1 snake cobra python viper1 dragon2 dragons phoenix1 griffin shark sharks whale fishing1 hunting1
hunter2 hunter12 mother1 father mom mommy dad daddy1 family1 brother sister baby1 babies children kids grandma
grandpa jesus123 jesuschrist god godisgood godbless blessed1 faith hope grace heaven1 angel12 christian church bible
matrix1 neo trinity1 morpheus zion hacker hacked h4x0r l33t leet 1337 31337 elite hackerman anonymous batman123
superman123 spiderman1 ironman1 hulk thor loki captainamerica avengers marvel dccomics joker harleyquinn starwars123
jedi yoda skywalker darthvader vader chewbacca startrek1 spock kirk enterprise gandalf1 frodo hobbit mordor sauron
legolas aragorn harrypotter hogwarts hermione dumbledore voldemort pokemon123 pikachu charizard mario luigi zelda
link sonic tetris pacman nintendo1 playstation xbox xbox360 ps4 ps5 gamer gaming player1 counterstrike csgo valorant
overwatch warcraft3 worldofwarcraft diablo3 starcraft fifa music1 guitar1 piano drums singer rockandroll metal
heavymetal punk hiphop1 rapper jazz blues nirvana1 metallica1 slipknot1 linkinpark greenday eminem1 tupac 2pac
biggie beyonce rihanna madonna1 elvis1 beatles1 queen acdc ironmaiden pinkfloyd ledzeppelin soccer12 football12
baseball12 basketball hockey12 tennis1 golf123 rugby cricket1 volleyball skate skater surf surfing snowboard ski
skiing running runner1 cycling bike biker motorcycle harley1 harleydavidson porsche1 ferrari1 lamborghini bmw
mercedes1 audi volkswagen volvo saab toyota1 honda1 nissan1 mazda subaru ford1 chevrolet mustang1 camaro1 corvette1
jeep tesla london1 paris newyork1 berlin moscow tokyo rome madrid amsterdam stockholm oslo copenhagen helsinki1
dublin chicago1 boston1 dallas1 houston1 texas california florida1 miami hawaii1 vegas lasvegas1 america1 usa usa123
canada1 mexico1 brazil1 germany france spain italy russia1 china japan india australia england1 scotland1 ireland1
sweden norway denmark iceland poland estonia latvia lithuania michaeljordan kobe kobebryant lebron jordan123
tigerwoods jennifer1 jessica12 ashley12 amanda1 samantha1 sarah1 emily emma olivia1 sophia isabella mia ava abigail
madison1 elizabeth1 chloe natalie1 grace1 lily hannah1 anna maria laura julia lisa linda susan karen nancy betty
helen john1 james1 robert1 michael12 william1 david1 richard1 joseph1 thomas12 charles1 christopher chris1 daniel12
matthew12 anthony1 mark1 donald1 steven1 paul1 andrew1 joshua1 kenneth kevin1 brian1 george1 edward1 ronald timothy1
jason1 jeffrey1 ryan jacob gary nicholas1 eric1 jonathan1 stephen1 larry justin1 scott1 brandon1 benjamin1 samuel1
frank1 gregory1 raymond alexander1 patrick1 jack1 dennis1 jerry tyler aaron henry adam peter1 nathan1 zachary1 kyle
walter1 harold jeremy1 ethan carl keith roger gerald christian1 terry sean arthur1 austin1 noah lawrence jesse joe
bryan billy1 jordan12 albert1 dylan bruce willie1 gabriel1 alan juan logan wayne ralph roy eugene1 randy vincent1
russell1 louis bobby1 philip johnny1
`;

const FINNISH = `
salasana salasana1 salasana12 salasana123 salasana1234 salasana! salis salainen salaisuus salasanani minunsalasana
munsalasana uusisalasana vanhasalasana salasanasalasana salasana2 tosisalainen huippusalainen erittäinsalainen kissa
kissa1 kissa12 kissa123 koira koira1 koira123 kissakoira kissat koirat kissanpentu koiranpentu qwertyuiopå
asdfghjklöä qwertyå asdfghjklö öäå åäö perkele perkele1 perkele123 saatana saatana1 helvetti jumalauta vittu
vittu123 voivittu vitunsalasana paska paskat hitto hemmetti pahus saakeli kusipää suomi suomi1 suomi100 suomi123
suomifinland suomi-finland finland finland1 finland100 suomenlippu sinivalkoinen maamme isänmaa isanmaa suomineito
karjala karjalainen lappi lappland pohjola kalevala väinämöinen vainamoinen ilmarinen lemminkäinen joukahainen sampo
aino helsinki espoo vantaa kauniainen tampere turku oulu jyväskylä jyvaskyla kuopio lahti pori joensuu lappeenranta
hämeenlinna hameenlinna vaasa rovaniemi seinäjoki seinajoki kotka mikkeli porvoo salo kokkola hyvinkää lohja
järvenpää rauma kajaani kerava savonlinna nokia ylöjärvi kangasala kirkkonummi tuusula kemi tornio iisalmi raisio
naantali kaarina imatra hamina kouvola riihimäki forssa loimaa uusikaupunki kuusamo sodankylä inari levi ylläs ruka
tahko himos saariselkä åland ahvenanmaa maarianhamina hyväpäivä hyvääpäivää hyvaapaivaa hyväähuomenta hyvääyötä
hyvääiltaa hyvääjoulua hyväävuotta hauskaajoulua moi moimoi moikka moikkamoi hei heihei heippa terve terve1 morjens
moro moromoro morjesta huomenta päivää iltaa tervetuloa tervetuloa1 tervetuloa123 kiitos kiitos1 kiitospaljon
anteeksi minä mina minäitse rakkaus rakkaus1 rakastan rakastansinua minärakastansinua minarakastansinua rakas rakas1
rakkaani kulta kulta1 kultaseni kultamussu kultsi muru murumuru mussukka pupu pupu123 nalle nallekarhu enkeli
enkeli1 prinsessa prinssi kuningas kuningatar ihana ihanaa kiva kivaa paras parasta kaunis söpö sopo pieni iso hyvä
hyva paha hassu hauska jee jippii äiti aiti isä isa mummo mummi pappa vaari ukki mamma faija mutsi isi äippä perhe
lapset poika tyttö tytto vauva veli sisko sisar serkku kaveri kaverit ystävä ystava ystävät frendi koti koti123
kotona mökki mokki kesämökki kesamokki sauna sauna1 saunailta löyly loyly järvi jarvi meri metsä metsa ranta saari
vuori tunturi koski joki lampi suo niitty pelto aurinko aurinko1 kuu tähti tahti tähdet taivas pilvi sade lumi
lumiukko jää jaa tuli vesi maa ilma tuuli myrsky salama ukkonen revontulet kaamos yötön päivä kesä kesa kesäloma
kesaloma talvi talviloma syksy kevät kevat joulu joulupukki tonttu pääsiäinen vappu juhannus itsenäisyyspäivä
uusivuosi maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai viikonloppu tammikuu helmikuu maaliskuu
huhtikuu toukokuu kesäkuu kesakuu heinäkuu heinakuu elokuu syyskuu lokakuu marraskuu joulukuu kukka kukkanen ruusu
lilja orvokki kielo voikukka sinivuokko koivu kuusi mänty manty pihlaja tammi vaahtera omena päärynä banaani
appelsiini mansikka mustikka puolukka vadelma lakka hilla herne peruna porkkana kurkku tomaatti sipuli leipä
ruisleipä pulla korvapuusti karjalanpiirakka mämmi salmiakki lakritsi suklaa karkki karkit namu kahvi kahvi1 tee
maito piimä juusto makkara lenkkimakkara grillimakkara kebab hampurilainen ranskalaiset kalja olut bisse lonkero
kossu koskenkorva jallu viina viinaa snapsi hevonen heppa lehmä sika possu lammas vuohi kana kukko ankka hanhi
joutsen haukka pöllö varis harakka karhu susi ilves kettu jänis janis orava siili hiiri rotta hirvi poro peura hylje
norppa saimaannorppa hauki ahven lohi siika muikku kuha silakka mirri misu musti rekku halli peni haukku leijona
leijonat huuhkajat jokerit hifk kärpät karpat tappara ilves1 kalpa lukko pelicans ässät assat jyp hjk kups sjk ifk
jääkiekko jaakiekko lätkä latka jalkapallo futis pesäpallo pesis salibandy sähly hiihto kalastus metsästys mato ongi
uinti juoksu räikkönen raikkonen kimi häkkinen hakkinen selänne selanne litmanen nykänen paavonurmi nurmi nokia3310
nokia123 3310 kone fazer marimekko iittala fiskars kalevalakoru supercell rovio angrybirds clashofclans muumi muumit
muumipeikko muumimamma pikkumyy niiskuneiti nuuskamuikkunen tietokone puhelin kännykkä kannykka läppäri lappari
netti nettisivu sähköposti sahkoposti posti pankki nordea osuuspankki danske kela verottaja vero työ tyo työpaikka
tyopaikka toimisto yritys firma asiakas asiakaspalvelu myynti markkinointi viestikone viesti viestit tekstiviesti
sähköposti1 kirjaudu kirjautuminen sisään sisaan aloitus alku uusi uusi123 uusi1234 vaihda vaihdaheti vaihdaminut
väliaikainen valiaikainen tilapäinen tilapainen testi testi1 testi123 testi1234 testaaja testaus kokeilu kokeilu123
esimerkki oletus ylläpito yllapito ylläpitäjä yllapitaja pääkäyttäjä paakayttaja käyttäjä kayttaja tunnus tunnus1
tunnussana pinkoodi koodi avain avainsana turva turvallinen tietoturva yksi kaksi kolme yksikaksikolme neljä nelja
viisi kuusi1 seitsemän seitseman kahdeksan yhdeksän yhdeksan kymmenen nolla sata tuhat miljoona sininen punainen
vihreä vihrea keltainen musta valkoinen harmaa oranssi violetti pinkki ruskea kultainen hopea hopeinen
mattimeikäläinen maijameikäläinen teppotestaaja korhonen virtanen mäkinen makinen nieminen mäkelä makela hämäläinen
hamalainen laine heikkinen koskinen järvinen jarvinen lehtonen lehtinen saarinen salminen heinonen niemi heikkilä
heikkila kinnunen salonen turunen laitinen tuominen rantanen karjalainen1 jokinen mattila savolainen lahtinen ahonen
matti mikko juha timo jari kari antti jukka pekka markku mika janne ville jussi tuomas petri hannu heikki sami marko
teemu lauri aleksi eero eino onni väinö vaino veeti leevi elias niilo toivo juho joonas jere eetu otto oskari arttu
aatu lenni luka nooa tuukka valtteri joni jani tomi tommi toni tuomo esa erkki seppo pentti pertti raimo reijo
veikko kalle ilkka olli risto keijo kimmo ari harri jarmo liisa helena johanna marjatta tuula päivi paivi sari minna
tiina riitta anne sanna katja heidi hanna elina aada sofia venla ella eevi lilja1 iida pihla helmi kaisa kaija pirjo
ritva leena eija tarja marja merja pia jenni jaana susanna satu outi hilkka aili ilona aleksandra emilia ellen isla
kerttu linnea lumi1 mette milla nelli noora oona saana siiri veera viivi
`;

/** Entries containing spaces; each is also listed with the spaces removed. */
const PHRASES = [
  "te amo",
  "open sesame",
  "hyvää päivää",
  "hyvää huomenta",
  "hyvää yötä",
  "hyvää iltaa",
  "hyvää joulua",
  "hyvää uutta vuotta",
  "hauskaa joulua",
  "kiitos paljon",
  "ole hyvä",
  "minä itse",
  "rakastan sinua",
  "minä rakastan sinua",
  "pikku myy",
  "matti meikäläinen",
  "maija meikäläinen",
  "teppo testaaja",
];

const YEARS = Array.from({ length: 2030 - 2000 + 1 }, (_, i) => String(2000 + i));
const SEASONAL = [
  ...[
    "kesä",
    "kesa",
    "talvi",
    "syksy",
    "kevät",
    "kevat",
    "joulu",
    "juhannus",
    "vappu",
    "suomi",
    "finland",
    "helsinki",
  ],
  ...[
    "tammikuu",
    "helmikuu",
    "maaliskuu",
    "huhtikuu",
    "toukokuu",
    "kesäkuu",
    "heinäkuu",
    "elokuu",
    "syyskuu",
    "lokakuu",
  ],
  ...[
    "marraskuu",
    "joulukuu",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "christmas",
    "welcome",
    "password",
    "salasana",
  ],
  ...[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ],
];
const ROWS = [
  "1234567890",
  "01234567890",
  "qwertyuiopå",
  "asdfghjklöä",
  "zxcvbnm,.-",
  "zxcvbnm,./",
  "!@#$%^&*()",
  '!"#¤%&/()=',
];
const WALKS = [
  "1q2w3e4r5t6y7u8i9o0p",
  "q1w2e3r4t5y6u7i8o9p0",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm",
  "zaq1xsw2cde3vfr4bgt5",
  "qazwsxedcrfvtgbyhnujm",
  "1a2s3d4f5g6h7j8k9l",
  "a1s2d3f4g5h6j7k8l9",
  "qweasdzxc",
  "zxcasdqwe",
  "abcdefghijklmnopqrstuvwxyz",
];
const REPEATED = [
  ..."0123456789abcdefghijklmnopqrstuvwxyzäö",
  "12",
  "123",
  "1234",
  "ab",
  "abc",
  "qwe",
  "asd",
  "zxc",
  "xo",
  "ha",
  "la",
];

/** Seasons/months × years, keyboard walks, repeats: patterns better generated than listed. */
function generated(): string[] {
  const out: string[] = [];
  for (const w of SEASONAL) for (const y of YEARS) out.push(w + y, y + w, `${w}${y.slice(2)}`);
  for (const row of ROWS)
    for (const r of [row, [...row].reverse().join("")])
      for (let i = 0; i < r.length; i++)
        for (let j = i + 4; j <= r.length; j++) out.push(r.slice(i, j));
  for (const w of WALKS) for (let n = 6; n <= w.length; n++) out.push(w.slice(0, n));
  for (const unit of REPEATED)
    for (let n = 2; unit.length * n <= 16; n++) if (unit.length * n >= 4) out.push(unit.repeat(n));
  return out;
}

const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase("fi");

const entries = [
  ...WORLDWIDE.split(/\s+/),
  ...FINNISH.split(/\s+/),
  ...PHRASES.flatMap((p) => [p, p.replace(/\s+/g, "")]),
  ...generated(),
]
  .map(fold)
  .filter((s) => [...s].length >= 3);

/** Common passwords, folded (NFC, Finnish lower case). */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(entries);

/** The longest entry, in code points: longer candidates need no look-up. */
export const COMMON_PASSWORD_MAX_CODE_POINTS = entries.reduce(
  (max, s) => Math.max(max, [...s].length),
  0,
);
