//! Readers' names for the data's subject and partner fields. A field is a
//! country code (`KOR`), a `+`-joined group of codes (`CHN+AUS+MMR`), or a
//! named company, plant, deposit or body with its country in brackets
//! (`Khalzan Buregtei REE deposit (MNG)`). Codes read as country names;
//! named fields are translated whole in the catalogues as `name.<field>`,
//! since their descriptors ("planned", "site TBD") are words too and a
//! Mongolian deposit is written in Cyrillic for a Mongolian reader.

use crate::core::data::country;

/// Whether a field is made of codes only, and so reads as country names.
pub fn is_codes(field: &str) -> bool {
    !field.is_empty() && country::is_known_code(field)
}

/// The field in the reader's language.
pub fn place_name(field: &str) -> String {
    if is_codes(field) {
        let names: Vec<String> = field.split('+').map(country::display_name).collect();
        names.join(" + ")
    } else {
        // English reads the data's own words, a leading code as its name:
        // "MNG (Khotgor deposit)" is "Mongolia (Khotgor deposit)".
        let english = match field.split_once(' ') {
            Some((code, rest)) if country::lookup(code).is_some() => {
                format!("{} {rest}", country::display_name(code))
            }
            _ => field.to_string(),
        };
        crate::core::text::i18n::tr(&format!("name.{field}"), &english)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::i18n::{activate, Catalogue, Lang};

    #[test]
    fn codes_read_as_countries_and_named_fields_are_translated_whole() {
        assert_eq!(place_name("KOR"), "South Korea");
        assert_eq!(place_name("CHN+AUS+MMR"), "China + Australia + Myanmar");
        assert_eq!(place_name("Oyu Tolgoi (MNG)"), "Oyu Tolgoi (MNG)");
        assert_eq!(
            place_name("MNG (Khotgor deposit)"),
            "Mongolia (Khotgor deposit)"
        );
        activate(
            Lang::Mn,
            Catalogue::parse(include_str!("../../../public/i18n/mn.tsv")).unwrap(),
        );
        assert_eq!(place_name("Oyu Tolgoi (MNG)"), "Оюу толгой (Монгол)");
        assert_eq!(place_name("MNG (Khotgor deposit)"), "Монгол (Хотгорын орд)");
        assert_eq!(place_name("MNG"), "Монгол");
        activate(Lang::En, Catalogue::default());
    }
}
