// Compiled word lists (see lexicon_data.h). Written for parallax from general knowledge of
// names and news vocabulary; kept small on purpose: the larger gazetteers come from iso-codes
// and WordNet at run time when installed.
#include "src/entities/lexicon_data.h"

namespace parallax::entities::data {

// Given names, male, across languages (English, Slavic, German, Romance, Nordic, Dutch,
// Arabic, Turkish, Persian, Hebrew, South and East Asian, African).
const std::string_view kMaleNames =
    "aaron abdul abdullah ariel oliver marc mats jonas joost gert jelle ruud dirk rainer jochen "
    "sepp toni kai ole ulf arne abdulaziz abraham adam adrian ahmad ahmed akbar akira alain alan "
    "albert "
    "alberto aleksandar aleksander aleksandr aleksei alessandro alex alexander alexandre alexei "
    "alexey alexis alfred alfredo ali alistair allan amir anatoly anders andre andrea andreas "
    "andrei andrej andres andrew andrey andrzej andy angelo ante anthony anton antonio aric "
    "arkady arnold arthur artem arturo aslan avraham ayman barack barry bart bashar ben benedict "
    "benjamin benny bernard bernd bert bill billy bjorn bob bobby bohdan boris brad bradley "
    "brendan brett brian bruce bruno bryan bulent byron calvin carl carlo carlos cedric cesar "
    "charles charlie chris christian christoph christophe christopher chuck claude claudio "
    "clint clive colin craig cristiano dale damian damon dan daniel danny dario darren dave david "
    "dean denis dennis derek desmond didier diego dieter dimitri dimitris dmitri dmitry dmytro "
    "domenico dominic dominique don donald doug douglas dragan duncan dusan dwight eddie edgar "
    "eduardo edward edwin ehud emil emile emmanuel enrique enzo eric erich erik ernest ernesto "
    "ernst esteban ethan eugene evan evgeny fabio fahd faisal farid federico felipe felix "
    "ferdinand fernando fidel filip florian francesco francis francisco franco francois frank "
    "franz franjo fred frederick friedrich fyodor gabriel gary gavin gennady geoff geoffrey "
    "george georg georgi gerald gerard gerhard giacomo gianluca gilbert gilles giorgio giovanni "
    "giuseppe glenn goran gordon graham grant greg gregor gregory grigory guido gunter gustavo "
    "guy hamad hamid hans harold harry hasan hashim hassan heinz helmut hendrik henri henrik "
    "henry herbert hideo hiroshi horst howard hugh hugo hussein ian ibrahim igor ilya imran "
    "ingvar ion ioannis isaac ismail ivan ivica jack jacob jacques jaime jake jakob james jamie "
    "jan janez jason javier jay jean jeff jeffrey jens jeremy jerome jerry jerzy jesse jesus jim "
    "jimmy jiri joachim joao joaquin joe joel johan johann johannes john johnny jon jonathan "
    "jordan jorge jose josef joseph josh joshua juan julian julio jurgen justin kamal karel karim "
    "karl keith ken kenji kenneth kevin khalid kim kirill klaus konstantin kostas krzysztof kurt "
    "kyle lance larry lars laszlo laurent lawrence lech lee leo leon leonard leonid lionel liam "
    "lorenzo lothar louis luc luca lucas ludwig luigi luis lukas luke lyndon magnus mahmoud "
    "malcolm manfred manuel marat marcel marcelo marco marcos marcus mario mark marko markus "
    "martin marvin massimo mateo mathias matt matteo matthew matthias maurice mauricio max maxim "
    "mehmet mel michael michel miguel mikael mike mikhail milan milos miroslav mohamed mohammad "
    "mohammed moshe muhammad murat mustafa nabil naoto narendra nasser nathan neil nelson "
    "nicholas nick nicola nicolas niels nigel nikita nikola nikolai nikolaos nikolay nils noah "
    "norman nursultan olaf oleg oleksandr olivier omar oscar osman otto owen pablo paolo pascal "
    "patrick paul paulo pavel pedro per peter petr petro petros phil philip philippe pier "
    "pierre pieter piotr pyotr rafael rahul raj ralph ramon ramzan randy raul ray raymond recep "
    "reinhard rene rex ricardo riccardo richard rick rob robert roberto robin rodrigo roger roland "
    "roman ron ronald rory ross roy ruben rudolf rudy rupert ruslan russell ryan saddam saleh "
    "salim salman sam sami samuel sandro saud scott sean sebastian semyon serge sergei sergey "
    "sergio shimon shinzo silvio simon slobodan stanislav stefan stefano stephen steve steven "
    "stuart sultan sven taro ted terry thabo theo theodore thierry thomas thorsten tim timothy "
    "timur todd tom tomas tomasz tomislav tony toshiki trevor tyler umberto uwe vaclav vadim "
    "valentin valery vasily viktor victor vikram vincent vitaly vittorio vladimir vladislav "
    "vojislav volker vyacheslav walid walter warren wayne werner wilfried willem william willy "
    "wim wojciech wolfgang xavier yaakov yasser yevgeny yitzhak yoshihiko yossi youssef yuri "
    "yury yusuf yves zbigniew zoran zhores";

// Given names, female.
const std::string_view kFemaleNames =
    "agnes agnieszka aisha alexandra alice alicia alina alla amanda amelie amy ana anastasia "
    "andrea angela angelika anita ann anna anne annette annie antonia ashley aung barbara beata "
    "beatrice beatriz benazir bettina betty beverly birgit brenda bridget brigitte britney "
    "camilla carla carmen carol carole caroline carolyn catherine cecile celine chandrika "
    "chantal charlotte cheryl chiara christa christiane christina christine cindy claire "
    "clara clare claudia condoleezza corazon cynthia dagmar daniela danielle daria deborah "
    "denise diana diane dolores donna doris dorothy edith eleanor elena elisabeth elizabeth "
    "ella ellen elsa emily emma erika esther eva evelyn ewa fatima fiona frances francesca "
    "francoise gabriela gabriele gabrielle galina gillian gina giulia gloria golda grace "
    "gudrun hanna hannah heather heidi helen helena helga hillary ilona imelda ines ingrid irena "
    "irene irina isabel isabella isabelle jacqueline jana jane janet janice jean jeanne jennifer "
    "jessica jill joan joanna joanne josephine joyce judith judy julia julie justine karen "
    "karin katarzyna kate katharina katherine kathleen kathryn katie katrin kelly kerstin "
    "kristina ksenia larisa laura lauren layla leila lena liliana linda lisa liz lucia lucy "
    "ludmila luisa lydia lyudmila madeleine magdalena malgorzata margaret margarita margot "
    "maria mariam marie marina marion marta martha martina mary megan megawati melanie melissa "
    "mercedes michelle mira miriam monica monika nadezhda nadia nancy natalia natalie natalya "
    "nathalie nicole nina olga olivia paola patricia paula pauline petra rachel raisa rebecca "
    "renate rita rosa rose ruth sabine sally samantha sandra sara sarah segolene serena sharon "
    "shirley silvia simone sofia sonia sophia sophie stephanie steffi susan susanne suzanne "
    "svetlana sylvia sylvie tamara tanya tatiana tatyana teresa theresa tina ulrike ursula "
    "valentina valeria vanessa venus vera veronica veronika victoria violeta virginia vivian "
    "wendy yelena yekaterina ekaterina yulia yuliya zainab zoe";

// Names that say nothing about gender: East Asian family names, which come first in the
// name ("Wang Donghai", "Kim Jong"), and given names used for both.
const std::string_view kNeutralNames =
    "wang zhang liu chen yang huang zhao zhou xu sun zhu guo lin gao luo zheng liang xie "
    "tang deng feng cao peng zeng xiao tian dong pan yuan cai jiang wei ding shen yao qian "
    "kim park choi jung kang cho yoon jang lim nguyen tran pham hoang vu phan tanaka suzuki "
    "takahashi watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki hashimoto "
    "sato singh kumar sharma gupta patel chris pat sam alex robin jean dominique kim";

const std::string_view kHonorifics =
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady messrs mme mlle monsieur "
    "madame herr frau senor senora";
const std::string_view kMaleTitles =
    "mr mr. sir lord king prince emperor sheikh emir sultan spokesman chairman congressman "
    "businessman father brother monsieur herr senor duke baron count pope";
const std::string_view kFemaleTitles =
    "mrs mrs. ms ms. miss dame lady queen princess empress spokeswoman chairwoman "
    "congresswoman businesswoman sister madame mme mlle frau senora duchess baroness countess";

// Titles and role nouns that may stand right before a person's name.
const std::string_view kTitles =
    "president vice-president premier chancellor minister secretary spokesman spokeswoman "
    "spokesperson ambassador envoy king queen prince princess emperor empress sheikh emir "
    "sultan pope cardinal bishop archbishop rev rev. reverend father patriarch ayatollah "
    "mullah rabbi imam general gen gen. colonel col col. major maj maj. captain capt capt. "
    "lieutenant lt lt. sergeant sgt sgt. admiral adm adm. commander cmdr corporal marshal "
    "senator sen sen. representative rep rep. congressman congresswoman governor gov gov. "
    "mayor judge justice magistrate prosecutor attorney chairman chairwoman chairperson chair "
    "director chief head leader boss coach manager striker midfielder defender goalkeeper "
    "forward winger captain skipper champion batsman bowler pitcher quarterback economist "
    "analyst commentator editor correspondent reporter columnist lawyer attorney-general "
    "dean professor prof prof. dr dr. doctor inspector superintendent commissioner officer "
    "official diplomat negotiator mediator deputy adviser advisor aide assistant counsellor "
    "councillor councilman alderman speaker whip leader founder ceo cfo executive president-elect "
    "prime-minister premier-elect chancellor-elect duke duchess baron baroness count countess "
    "lord lady sir dame ombudsman governor-general trainer jockey driver rider champion "
    "coordinator representative";

// Words that may precede a title inside a role ("Foreign Minister", "Deputy Prime Minister").
const std::string_view kRoleModifiers =
    "foreign prime deputy vice acting interim chief senior junior first second assistant "
    "executive general principal defence defense interior finance economy economic trade "
    "justice health education energy agriculture labour labor transport culture environment "
    "home state federal national regional presidential royal military press "
    "communications information security intelligence foreign-affairs internal external "
    "armed social industry industrial fisheries tourism sports sport youth science "
    "technology development emergency emergencies treasury budget parliamentary "
    "opposition party team club head managing supreme highest top lead special "
    "permanent honorary associate co- joint attorney solicitor high lord lieutenant "
    "rear field police army naval navy air force election electoral central bank "
    "republican democratic labour conservative liberal socialist communist";

// Head words ending an organisation name.
const std::string_view kOrgHeads =
    "ministry commission party council organization organisation agency university college "
    "institute institution school academy bank news times post journal herald tribune "
    "gazette telegraph guardian observer chronicle globe mirror express review magazine "
    "union committee court tribunal army police navy force forces guard guards department "
    "office bureau service services authority board federation association league club "
    "society foundation fund trust group holdings company airlines airline airways motors "
    "industries systems technologies corporation press network television radio channel "
    "parliament assembly congress senate government cabinet administration church mosque "
    "hospital front movement alliance coalition brigade brigades militia exchange command "
    "council secretariat directorate inspectorate commissariat cooperative consortium "
    "partnership enterprises industry works mills mining petroleum oil energy telecom "
    "communications electronics pharmaceuticals chemicals bancorp bankcorp securities capital "
    "partners investments insurance assurance brewery steel electric motor airport stadium "
    "orchestra theatre museum gallery library center centre laboratory laboratories studio "
    "studios records pictures entertainment broadcasting media newspaper daily weekly "
    "monthly party's mission delegation embassy consulate cabinet legislature duma rada "
    "knesset majlis sejm bundestag bundesbank reserve tigers";

const std::string_view kOrgSuffixes =
    "inc inc. corp corp. co co. ltd ltd. plc llc llp gmbh ag sa s.a. nv n.v. bv b.v. spa s.p.a. "
    "oy ab as asa kk pty pty. lp l.p. cos cos. bhd";

// Words of sports club names (CoNLL news is full of results tables).
const std::string_view kTeamHeads =
    "united rovers athletic athletico atletico wanderers albion hotspur rangers celtic fc f.c. "
    "sc s.c. cf city town county villa forest argyle alexandra orient wednesday palace "
    "borussia bayern eintracht werder fortuna dynamo dinamo spartak lokomotiv torpedo sporting "
    "olympique olympiakos olympiacos real racing deportivo sparta slavia ajax psv feyenoord "
    "juventus lazio inter internazionale milan sampdoria fiorentina steaua galatasaray "
    "fenerbahce besiktas benfica porto anderlecht brugge standard red-star partizan hajduk "
    "mariners yankees mets dodgers giants braves cubs reds pirates cardinals padres phillies "
    "expos astros marlins rockies orioles indians tigers royals twins athletics angels "
    "mariners rangers blue-jays jays brewers white sox red";

const std::string_view kLocHeads =
    "river sea ocean lake lakes mountain mountains mount mt island islands isles peninsula "
    "bay gulf strait straits valley desert plain plains coast province region state county "
    "district street avenue road square airport canal forest park hills heights strip "
    "basin delta falls reef cape channel corridor pass highway boulevard bridge border "
    "oblast krai okrug territory prefecture governorate canton municipality republic "
    "kingdom emirate emirates principality";

const std::string_view kLocPrefixes =
    "mount mt mt. lake cape port fort saint st st. san santa sao new north south east west "
    "northern southern eastern western central upper lower greater gulf isle bay";

// Countries and common short forms that iso-codes spells differently; iso-codes adds the rest.
const std::string_view kCountries =
    "afghanistan albania algeria angola argentina armenia australia austria azerbaijan "
    "bahrain bangladesh belarus belgium bolivia bosnia bosnia_and_herzegovina "
    "bosnia-herzegovina brazil britain great_britain bulgaria burma cambodia cameroon canada "
    "chile china colombia congo croatia cuba cyprus czech_republic czechia denmark egypt "
    "england scotland wales northern_ireland estonia ethiopia finland france georgia germany "
    "ghana greece holland hungary iceland india indonesia iran iraq ireland israel italy "
    "japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan latvia lebanon libya lithuania "
    "luxembourg macedonia malaysia mexico moldova mongolia montenegro morocco netherlands "
    "new_zealand nigeria north_korea south_korea korea norway pakistan palestine peru "
    "philippines poland portugal qatar romania russia saudi_arabia serbia singapore slovakia "
    "slovenia somalia south_africa spain sri_lanka sudan sweden switzerland syria taiwan "
    "tajikistan thailand tunisia turkey turkmenistan uganda ukraine united_arab_emirates uae "
    "united_kingdom uk u.k. united_states usa u.s. u.s.a. us america uruguay uzbekistan "
    "venezuela vietnam yemen yugoslavia zaire zambia zimbabwe soviet_union ussr "
    "czechoslovakia east_germany west_germany ivory_coast cote_d'ivoire vatican "
    "the_netherlands the_philippines the_gambia gambia chechnya tibet gaza west_bank "
    "gaza_strip kashmir";

// Large and newsworthy cities; iso-codes has only countries and subdivisions.
const std::string_view kCities =
    "moscow london paris berlin rome madrid washington beijing tokyo kiev kyiv belgrade "
    "zagreb sarajevo ljubljana skopje pristina podgorica tirana sofia bucharest budapest "
    "vienna prague warsaw bratislava minsk vilnius riga tallinn helsinki stockholm oslo "
    "copenhagen amsterdam brussels luxembourg bern geneva zurich lisbon dublin edinburgh "
    "athens ankara istanbul tbilisi yerevan baku tehran baghdad damascus beirut amman "
    "jerusalem tel_aviv cairo tripoli tunis algiers rabat riyadh jeddah mecca doha dubai "
    "abu_dhabi kabul islamabad karachi lahore new_delhi delhi mumbai bombay calcutta kolkata "
    "madras chennai bangalore dhaka colombo kathmandu bangkok hanoi saigon ho_chi_minh_city "
    "phnom_penh rangoon yangon kuala_lumpur jakarta manila singapore hong_kong shanghai "
    "guangzhou shenzhen taipei seoul pyongyang osaka kyoto sydney melbourne brisbane perth "
    "adelaide auckland wellington new_york los_angeles chicago houston philadelphia boston "
    "san_francisco seattle miami atlanta dallas detroit denver toronto montreal vancouver "
    "ottawa mexico_city havana bogota caracas lima quito santiago buenos_aires montevideo "
    "sao_paulo rio_de_janeiro brasilia nairobi lagos abuja johannesburg cape_town pretoria "
    "kinshasa addis_ababa khartoum harare lusaka kampala dakar accra mogadishu st_petersburg "
    "saint_petersburg novosibirsk yekaterinburg vladivostok grozny sochi kazan samara "
    "volgograd murmansk kharkiv kharkov odessa odesa donetsk luhansk lugansk sevastopol "
    "simferopol lviv frankfurt munich hamburg cologne bonn stuttgart dresden leipzig milan "
    "naples turin florence venice genoa barcelona seville valencia bilbao marseille lyon nice "
    "toulouse strasbourg bordeaux manchester liverpool birmingham leeds glasgow cardiff "
    "belfast bristol rotterdam the_hague antwerp gothenburg porto krakow gdansk almaty "
    "astana tashkent bishkek dushanbe ashgabat chisinau novi_sad nis banja_luka mostar "
    "srebrenica tuzla gaza ramallah hebron nablus bethlehem jericho basra mosul kirkuk "
    "aleppo homs sanaa muscat kuwait_city manama hamilton monte_carlo las_vegas new_orleans "
    "baltimore pittsburgh cleveland cincinnati st_louis kansas_city minneapolis phoenix "
    "san_diego sacramento portland oklahoma_city nashville memphis indianapolis milwaukee "
    "canberra jakarta surabaya davos cannes wimbledon";

const std::string_view kRegions =
    "europe asia africa america north_america south_america latin_america middle_east "
    "far_east balkans caucasus scandinavia siberia crimea donbas donbass kurdistan "
    "transnistria abkhazia ossetia south_ossetia kosovo dagestan ingushetia tatarstan "
    "bavaria catalonia basque_country flanders wallonia ulster quebec ontario texas california "
    "florida new_york_state alaska hawaii punjab kashmir sinai golan golan_heights "
    "west_bank gaza_strip persian_gulf arctic antarctica pacific atlantic mediterranean "
    "baltic black_sea caspian caspian_sea adriatic aegean sahara amazon danube rhine volga "
    "thames nile yangtze mekong himalayas alps urals andes eurasia oceania mideast "
    "silicon_valley wall_street "
    // Abbreviations of US states used in news datelines.
    "ala ariz ark calif colo conn fla ga ida ind kan ky md mich minn mont neb nev okla ore "
    "tenn tex vt wis wyo n.j. n.y. n.m. n.c. s.c. n.d. s.d. w.va";

// Nationality and group adjectives/nouns (CoNLL's MISC).
const std::string_view kDemonyms =
    "afghan albanian algerian american angolan argentine argentinian armenian asian "
    "australian austrian azerbaijani azeri bahraini bangladeshi belarusian belarussian "
    "belgian bolivian bosnian brazilian british briton bulgarian burmese cambodian "
    "cameroonian canadian chechen chilean chinese colombian congolese croat croatian cuban "
    "cypriot czech danish dutch egyptian english estonian ethiopian european filipino finnish "
    "french georgian german ghanaian greek hungarian icelandic indian indonesian iranian "
    "iraqi irish israeli italian japanese jordanian kazakh kenyan korean kosovar kurdish "
    "kuwaiti kyrgyz latvian lebanese libyan lithuanian macedonian malaysian mexican moldovan "
    "mongolian montenegrin moroccan nigerian norwegian pakistani palestinian peruvian "
    "polish portuguese qatari romanian russian saudi scottish serb serbian slovak slovakian "
    "slovene slovenian somali spanish sudanese swedish swiss syrian taiwanese tajik thai "
    "tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh "
    "yemeni yugoslav zambian zimbabwean soviet arab arabic african latin western eastern "
    "muslim moslem christian jewish islamic catholic protestant orthodox sunni shia shi'ite "
    "shiite hindu buddhist sikh kurd kurds serbs croats muslims arabs jews israelis "
    "palestinians americans russians germans europeans nordic baltic balkan caucasian "
    "anglican communist communists socialist socialists democrat democrats republican "
    "republicans conservative conservatives liberal liberals tory tories marxist "
    "nazi nazis zionist western-backed pro-western anglo-saxon hispanic latino english-language "
    "russian-language dane danes swede swedes finn finns pole poles scot scots briton britons "
    "new_zealander new_zealanders south_african south_africans north_korean south_korean "
    "gulf yankee";

const std::string_view kKnownOrgs =
    "un u.n. nato eu e.u. osce opec imf wto who unesco unicef unhcr iaea interpol fifa uefa "
    "ioc asean apec brics g7 g8 g20 cia fbi nsa kgb fsb svr gru nasa pentagon kremlin "
    "white_house downing_street elysee reuters tass ria ria_novosti interfax afp ap xinhua "
    "bbc cnn nbc abc cbs fox itar-tass itar_tass al_jazeera bloomberg dpa ansa efe kyodo "
    "hamas hezbollah hizbollah fatah plo ira eta taliban al-qaeda al_qaeda isis kla "
    "european_union united_nations red_cross red_crescent world_bank security_council "
    "general_assembly state_department european_commission european_parliament "
    "duma state_duma bundestag knesset congress senate parliament nasdaq nyse "
    "microsoft google apple ibm intel boeing airbus gazprom rosneft lukoil aeroflot "
    "toyota nissan honda volkswagen siemens philips nokia ericsson sony samsung "
    "anc nfl nba nhl mlb atp wta icc pga nasdaq sec fed gatt oecd oas oau au "
    "efta comecon warsaw_pact cis";

const std::string_view kKnownMisc =
    "olympics olympic_games world_cup euro super_bowl grand_prix tour_de_france "
    "wimbledon_championships ramadan christmas easter eid hanukkah internet "
    "nobel nobel_prize oscar oscars grammy english_premier_league premier_league "
    "champions_league davis_cup ryder_cup world_series stanley_cup bundesliga "
    "islam christianity judaism hinduism buddhism";

// Capitalised only because of their position: never a name on their own.
const std::string_view kStopCaps =
    "the a an this that these those he she it we they i you me him her us them his its our "
    "their my your there here what who whom whose when where why how which whichever "
    "whatever whoever if but and or nor so yet because although though while whilst after "
    "before since until unless as at by for from in into of off on onto out over per to "
    "toward towards under up upon via with within without about above across against "
    "along amid among around behind below beneath beside besides between beyond despite "
    "down during except inside like near outside past through throughout till no not yes "
    "all any both each either every few many more most much neither none other others "
    "several some such only also even just still then now today tonight tomorrow "
    "yesterday last next first second third soon later earlier meanwhile however "
    "therefore thus instead indeed perhaps maybe already again always never often "
    "sometimes usually once twice ago well very too quite rather almost nearly is are was "
    "were be been being has have had do does did will would shall should can could may "
    "might must let please thank thanks oh ok okay hello dear says said asked told "
    "according another same new old own mr mrs ms fourth fifth sixth seventh eighth ninth "
    "tenth";

const std::string_view kTimeWords =
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun january february march april june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn winter "
    "am pm a.m. p.m. gmt edt est cet bst utc";

// A small core of common words used when WordNet is absent (sentence-initial words).
const std::string_view kCommonWords =
    "police officials government army troops people men women children analysts experts "
    "residents voters workers sources witnesses critics supporters opponents leaders "
    "ministers lawmakers investors traders prices shares stocks oil gold talks war peace "
    "fighting violence attacks security election elections results reports news "
    "local national international foreign domestic political economic military "
    "official total average net gross final annual weekly daily early late recent "
    "major minor key main top high low big small large long short full half "
    "note notes details background source sources page text table results standings "
    "scores score goals points won lost drawn played";

const std::string_view kParticles =
    "de del della der den di da das do dos du van von la le les al el bin ibn ben bint abu ter "
    "ten y zu st.";

const std::string_view kLocCues = "in at near from into outside across throughout via to";

const std::string_view kSpeechVerbs =
    "said says say told tells added adds spoke speaks stated states declared announced noted "
    "warned "
    "insisted argued explained claimed confirmed denied wrote writes quoted stressed "
    "emphasised emphasized commented replied responded asked urged suggested";

const std::string_view kPersonCues = "aged born died";

// Last words of events, competitions, laws and other named things (CoNLL's MISC).
const std::string_view kMiscHeads =
    "open cup slam championship championships games olympics tour trophy prix series prize award "
    "awards classic masters derby rally marathon day war wars act treaty accord accords "
    "agreement declaration doctrine plan initiative festival expo summit conference division "
    "index";

// Words that mark a sports report: clubs named after places are organisations there.
const std::string_view kSportWords =
    "match matches season league cup goal goals scored scorer scorers beat beats innings "
    "wicket wickets batting bowling bowled halftime half-time drew draw points minute "
    "penalty striker midfielder coach club team champions championship tournament seed "
    "seeded round race lap win won victory defeat defeated game games inning hits pitcher "
    "homer homers soccer football cricket tennis rugby baseball basketball hockey golf "
    "boxing athletics cycling standings played lost drawn scores results division rbi era "
    "quarter-final semi-final final finals leg playoff playoffs stage overall rider "
    "runs not-out test tests county title medal";

// Words that mark a business report.
const std::string_view kBusinessWords =
    "shares share stock stocks profit profits revenue revenues company companies percent pct "
    "market markets investors earnings dividend quarter sales deal bid merger acquisition "
    "stake firm bonds bond yield yields tonnes prices trading traders currency dollar "
    "analysts net loss losses group subsidiary unit contract contracts plc inc corp ltd "
    "shareholders chairman executive bank banks fund funds billion million turnover output "
    "exports imports index futures crude";

}  // namespace parallax::entities::data
