//! Countries and groups that the dataset names, keyed by ISO 3166 alpha-3,
//! plus `EU27`. Flows end at one anchor city per destination; the EU's is
//! Brussels, so the EU reads as one destination on the map.

/// The dataset's code for the European Union of 27 members.
pub const EU27: &str = "EU27";

#[derive(Debug, PartialEq)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    /// Longitude and latitude, in degrees, of the city where flows start or end.
    pub anchor: (f64, f64),
    pub anchor_city: &'static str,
    /// One of the five countries of the founding story: labelled and emphasised.
    pub in_story: bool,
}

const fn country(
    code: &'static str,
    name: &'static str,
    anchor: (f64, f64),
    city: &'static str,
) -> Country {
    Country {
        code,
        name,
        anchor,
        anchor_city: city,
        in_story: false,
    }
}

const fn story(
    code: &'static str,
    name: &'static str,
    anchor: (f64, f64),
    city: &'static str,
) -> Country {
    Country {
        in_story: true,
        ..country(code, name, anchor, city)
    }
}

pub static COUNTRIES: &[Country] = &[
    story("CHN", "China", (116.40, 39.90), "Beijing"),
    story("MNG", "Mongolia", (106.91, 47.92), "Ulaanbaatar"),
    story("KOR", "South Korea", (126.98, 37.57), "Seoul"),
    story(EU27, "European Union", (4.35, 50.85), "Brussels"),
    story("USA", "United States", (-77.04, 38.90), "Washington"),
    country("DEU", "Germany", (13.40, 52.52), "Berlin"),
    country("JPN", "Japan", (139.69, 35.69), "Tokyo"),
    country("IND", "India", (77.21, 28.61), "New Delhi"),
    country("VNM", "Vietnam", (105.85, 21.03), "Hanoi"),
    country("MYS", "Malaysia", (101.687, 3.139), "Kuala Lumpur"),
    country("AUS", "Australia", (149.13, -35.28), "Canberra"),
    country("MMR", "Myanmar", (96.13, 19.75), "Naypyidaw"),
    country("THA", "Thailand", (100.50, 13.76), "Bangkok"),
    country("RUS", "Russia", (37.62, 55.76), "Moscow"),
    country("BRA", "Brazil", (-47.88, -15.79), "Brasília"),
    country("CAN", "Canada", (-75.70, 45.42), "Ottawa"),
    country("GRL", "Greenland", (-51.72, 64.18), "Nuuk"),
    country("MDG", "Madagascar", (47.52, -18.88), "Antananarivo"),
    country("NGA", "Nigeria", (7.49, 9.06), "Abuja"),
    country("TZA", "Tanzania", (35.74, -6.16), "Dodoma"),
    country("ZAF", "South Africa", (28.19, -25.75), "Pretoria"),
    country("EST", "Estonia", (24.75, 59.44), "Tallinn"),
    country("TWN", "Taiwan", (121.56, 25.04), "Taipei"),
    country("FRA", "France", (2.35, 48.86), "Paris"),
];

/// The 27 member states, whose shapes are tinted together as the EU.
pub static EU_MEMBERS: &[&str] = &[
    "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
    "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
    "SWE",
];

/// A country the view can select: a listed country, `EU27` or an EU member.
/// Only `parse` makes one, so a held code is always one the app knows.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct CountryCode(&'static str);

impl CountryCode {
    /// Reads a code in any case (`kor`, `KOR`).
    pub fn parse(text: &str) -> Option<CountryCode> {
        let upper = text.to_ascii_uppercase();
        lookup(&upper)
            .map(|c| c.code)
            .or_else(|| EU_MEMBERS.iter().find(|m| **m == upper).copied())
            .map(CountryCode)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// Codes the dataset uses for aggregates rather than places.
pub const WORLD: &str = "WLD";
pub const OTHER_COUNTRIES: &str = "OTHER";
/// A source's own groupings, kept as the source states them: `EUROPE` is
/// not `EU27`, and `TOP10` is the ten largest destinations of that month.
pub const SOURCE_AGGREGATES: [&str; 2] = ["EUROPE", "TOP10"];

pub fn lookup(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.code == code)
}

pub fn is_eu_member(code: &str) -> bool {
    EU_MEMBERS.contains(&code)
}

/// Whether `code` is a code the dataset may use: a listed country, an EU
/// member, an aggregate, or a `+`-joined group of those (IEA "top 3").
pub fn is_known_code(code: &str) -> bool {
    code.split('+').all(|part| {
        lookup(part).is_some()
            || is_eu_member(part)
            || part == WORLD
            || part == OTHER_COUNTRIES
            || SOURCE_AGGREGATES.contains(&part)
    })
}

/// The country that a subject or partner field refers to. Fields are either a
/// code (`KOR`) or a named plant or company with its country in brackets
/// (`Neo Performance Materials - Narva (EST)`, `Shin-Etsu ... (JPN company)`).
pub fn country_of(field: &str) -> Option<&'static str> {
    let field = field.trim();
    if let Some(country) = lookup(field) {
        return Some(country.code);
    }
    if let Some(member) = EU_MEMBERS.iter().find(|m| **m == field) {
        return Some(member);
    }
    // "MNG (Khalzan Buregtei deposit)" names the country first.
    let leading = field
        .split_once(' ')
        .map(|(code, _)| code)
        .filter(|c| c.len() == 3);
    let code = match leading.filter(|c| lookup(c).is_some()) {
        Some(code) => code,
        None => field[field.find('(')? + 1..].get(..3)?,
    };
    lookup(code)
        .map(|c| c.code)
        .or_else(|| EU_MEMBERS.iter().find(|m| **m == code).copied())
}

/// A short name for display: the country's name, or the code itself for a
/// code we do not list (never an empty label).
/// A country's name in the active language; an unknown code as it is.
pub fn display_name(code: &str) -> String {
    lookup(code).map_or_else(
        || code.to_string(),
        |c| crate::core::text::i18n::country_name(c.code, c.name),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_eu_has_27_members() {
        let mut codes: Vec<_> = COUNTRIES.iter().map(|c| c.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), COUNTRIES.len());
        let mut members = EU_MEMBERS.to_vec();
        members.sort_unstable();
        members.dedup();
        assert_eq!(members.len(), 27);
    }

    #[test]
    fn the_five_story_countries_are_marked() {
        let mut story: Vec<_> = COUNTRIES
            .iter()
            .filter(|c| c.in_story)
            .map(|c| c.code)
            .collect();
        story.sort_unstable();
        assert_eq!(story, ["CHN", "EU27", "KOR", "MNG", "USA"]);
    }

    #[test]
    fn anchors_are_real_coordinates() {
        for c in COUNTRIES {
            let (lon, lat) = c.anchor;
            assert!(
                (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat),
                "{}",
                c.code
            );
        }
    }

    #[test]
    fn fields_resolve_to_their_country() {
        let cases = [
            ("KOR", Some("KOR")),
            ("Neo Performance Materials - Narva (EST)", Some("EST")),
            (
                "Shin-Etsu Chemical - Vietnam plant (JPN company)",
                Some("JPN"),
            ),
            ("MNG (Khalzan Buregtei deposit)", Some("MNG")),
            ("Oyu Tolgoi (MNG)", Some("MNG")),
            ("FRA", Some("FRA")),
            (
                "POSCO International + Star Group Industrial - US plant (site TBD)",
                None,
            ),
            ("WLD", None),
            ("", None),
        ];
        for (field, expected) in cases {
            assert_eq!(country_of(field), expected, "{field}");
        }
    }

    #[test]
    fn groups_and_aggregates_are_known_codes_but_typos_are_not() {
        assert!(is_known_code("CHN+MYS+AUS"));
        assert!(is_known_code("DEU+KOR+USA"));
        assert!(is_known_code("WLD"));
        assert!(is_known_code("EU27"));
        assert!(!is_known_code("CHINA"));
        assert!(!is_known_code("CHN+XXX"));
        assert!(!is_known_code(""));
    }
}
