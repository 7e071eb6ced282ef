//! Languages. English lives in the code, as the keys; Korean and Mongolian
//! come from catalogue files (`public/i18n/ko.tsv`, `mn.tsv`) that the app
//! fetches only for a reader who needs them, so an English first visit
//! carries no translation bytes.
//!
//! Strings go through [`t!`](crate::t): a literal key, optionally with named
//! `{placeholders}` that translations may reorder (Korean puts the verb
//! last). A unit test reads every `t!` key in `src/` and checks that both
//! catalogues translate it, with the same placeholders.

use std::cell::RefCell;
use std::fmt::Display;

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Ko,
    Mn,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ko, Lang::Mn];

    pub fn slug(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Mn => "mn",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.slug() == slug)
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
            Lang::Mn => "Монгол",
        }
    }

    /// The first of a browser's preferred languages that we have ("ko-KR"
    /// is Korean); English otherwise.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or("");
                Lang::from_slug(&primary.to_ascii_lowercase())
            })
            .unwrap_or_default()
    }

    /// Where the catalogue is, next to `index.html`; English has none.
    pub fn catalogue_file(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::Ko => Some("i18n/ko.tsv"),
            Lang::Mn => Some("i18n/mn.tsv"),
        }
    }
}

/// English key to translation, sorted by key for binary search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    entries: Vec<(String, String)>,
}

impl Catalogue {
    /// One `key<TAB>translation` per line; `#` starts a comment line; `\n`
    /// in either column is a line break.
    pub fn parse(text: &str) -> Result<Catalogue, String> {
        let mut entries = Vec::new();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, value) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: no tab between key and translation", index + 1))?;
            entries.push((key.replace("\\n", "\n"), value.replace("\\n", "\n")));
        }
        // Compared in place: a key function would clone two strings per
        // comparison, hundreds of thousands of times for a catalogue.
        crate::core::data::order::sort_by(&mut entries, |(a, _), (b, _)| a.cmp(b));
        Ok(Catalogue { entries })
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| self.entries[i].1.as_str())
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }
}

thread_local! {
    static ACTIVE: RefCell<(Lang, Catalogue)> = RefCell::new((Lang::En, Catalogue::default()));
}

/// Makes `lang` the language of everything formatted from now on, on this
/// thread (the browser has one; each test thread starts in English).
pub fn activate(lang: Lang, catalogue: Catalogue) {
    ACTIVE.with(|a| *a.borrow_mut() = (lang, catalogue));
}

pub fn lang() -> Lang {
    ACTIVE.with(|a| a.borrow().0)
}

/// The active translation of `key`, or `key` itself (English, or a key a
/// catalogue lacks, which the completeness test forbids).
pub fn tr(key: &str) -> String {
    ACTIVE.with(|a| {
        // try_borrow: the panic hook translates too, and must not panic
        // again if the panic came from inside `activate`.
        let active = a.try_borrow();
        let translated = active.as_ref().ok().and_then(|a| a.1.get(key));
        translated.unwrap_or(key).to_string()
    })
}

/// Replaces each `{name}` in `template` with its value, in one pass.
pub fn fill(template: String, values: &[(&str, &dyn Display)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 16 * values.len());
    let mut rest = template.as_str();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(n, _)| *n == &after[..close])
                .map(|v| (close, v.1))
        });
        match value {
            Some((close, value)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `t!("Zoom in")`, `t!("{count} months", count = n)`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::core::text::i18n::tr($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::core::text::i18n::fill(
            $crate::core::text::i18n::tr($key),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_preference_picks_the_first_language_we_have() {
        let cases: [(&[&str], Lang); 5] = [
            (&["ko-KR", "en-US"], Lang::Ko),
            (&["fr-FR", "mn-MN"], Lang::Mn),
            (&["de", "fr"], Lang::En),
            (&[], Lang::En),
            (&["en-GB", "ko"], Lang::En),
        ];
        for (tags, lang) in cases {
            assert_eq!(
                Lang::from_preferences(tags.iter().copied()),
                lang,
                "{tags:?}"
            );
        }
    }

    #[test]
    fn korean_and_mongolian_read_months_and_money_their_own_way() {
        use crate::core::data::period::Month;
        use crate::core::data::units::{month_long, month_short, Unit};
        let august = Month::new(2025, 8).unwrap();
        let cases = [
            (
                Lang::En,
                "August 2025",
                "Aug 2025",
                "US$400 million",
                "6,146 t",
            ),
            (Lang::Ko, "2025년 8월", "2025.8", "US$4억", "6,146톤"),
            (
                Lang::Mn,
                "2025 оны 8-р сар",
                "2025.08",
                "US$400 сая",
                "6,146 тн",
            ),
        ];
        for (lang, long, short, money, tonnes) in cases {
            let catalogue = lang
                .catalogue_file()
                .map(|_| match lang {
                    Lang::Ko => include_str!("../../../public/i18n/ko.tsv"),
                    _ => include_str!("../../../public/i18n/mn.tsv"),
                })
                .map(|text| Catalogue::parse(text).unwrap())
                .unwrap_or_default();
            activate(lang, catalogue);
            assert_eq!(month_long(august), long);
            assert_eq!(month_short(august), short);
            assert_eq!(Unit::Usd.format(400_000_000.0), money);
            assert_eq!(Unit::Tonnes.format(6146.0), tonnes);
        }
        activate(Lang::En, Catalogue::default());
    }

    #[test]
    fn placeholders_are_filled_by_name_in_any_order() {
        activate(
            Lang::Ko,
            Catalogue::parse("# test\n{count} of {total}\t{total} 중 {count}\n").unwrap(),
        );
        assert_eq!(
            crate::t!("{count} of {total}", count = 3, total = 10),
            "10 중 3"
        );
        assert_eq!(crate::t!("Not in the catalogue"), "Not in the catalogue");
        activate(Lang::En, Catalogue::default());
        assert_eq!(
            crate::t!("{count} of {total}", count = 3, total = 10),
            "3 of 10"
        );
    }

    fn keys_in_source() -> Vec<String> {
        let mut keys = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // `t!(` itself, not the end of `format!(` or `print!(`.
                let starts = text.match_indices("t!(").filter(|(i, _)| {
                    !text[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                });
                for (i, _) in starts {
                    let piece = &text[i + 3..];
                    let Some(rest) = piece.trim_start().strip_prefix('"') else {
                        continue;
                    };
                    let mut key = String::new();
                    let mut chars = rest.chars();
                    while let Some(c) = chars.next() {
                        match c {
                            '"' => break,
                            '\\' => match chars.next() {
                                Some('n') => key.push('\n'),
                                Some(other) => key.push(other),
                                None => break,
                            },
                            _ => key.push(c),
                        }
                    }
                    keys.push(key);
                }
            }
        }
        // Names kept in tables rather than in `t!` calls.
        keys.extend(
            crate::core::data::country::COUNTRIES
                .iter()
                .map(|c| c.name.to_string()),
        );
        keys.extend(
            crate::core::analysis::compare::PRESETS
                .iter()
                .map(|p| p.label.to_string()),
        );
        // The basemap's country names, shown on hover.
        let basemap = include_str!("../../../public/geo/countries.tsv");
        keys.extend(
            crate::core::geo::basemap::parse_basemap(basemap)
                .unwrap()
                .countries
                .into_iter()
                .map(|c| c.name),
        );
        keys.sort();
        keys.dedup();
        keys
    }

    fn placeholders(text: &str) -> Vec<String> {
        let mut names: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_key_is_translated_in_every_catalogue_with_its_placeholders() {
        let keys = keys_in_source();
        assert!(keys.len() > 100, "found only {} keys", keys.len());
        for (lang, file) in [
            (Lang::Ko, include_str!("../../../public/i18n/ko.tsv")),
            (Lang::Mn, include_str!("../../../public/i18n/mn.tsv")),
        ] {
            let catalogue = Catalogue::parse(file).unwrap();
            let listed: Vec<&str> = catalogue.keys().collect();
            let twice: Vec<&&str> = listed
                .windows(2)
                .filter(|w| w[0] == w[1])
                .map(|w| &w[0])
                .collect();
            assert!(
                twice.is_empty(),
                "{lang:?} translates these keys twice: {twice:?}"
            );
            let missing: Vec<&String> =
                keys.iter().filter(|k| catalogue.get(k).is_none()).collect();
            assert!(
                missing.is_empty(),
                "{lang:?} lacks {} keys: {missing:#?}",
                missing.len()
            );
            for key in &keys {
                let translation = catalogue.get(key).unwrap();
                assert!(
                    !translation.trim().is_empty(),
                    "{lang:?}: empty for {key:?}"
                );
                assert_eq!(
                    placeholders(key),
                    placeholders(translation),
                    "{lang:?}: {key:?}"
                );
            }
            let stale: Vec<&str> = catalogue
                .keys()
                .filter(|k| !keys.iter().any(|s| s == k))
                .collect();
            assert!(
                stale.is_empty(),
                "{lang:?} has keys no code uses: {stale:#?}"
            );
        }
    }
}
