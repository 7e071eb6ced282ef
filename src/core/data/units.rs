//! Units of the dataset and how their numbers read on screen: "6,146 t",
//! "−4.7%", "Aug 2025". Formatting never rounds a sourced figure away: a
//! value keeps its decimals (420.5 t); only computed changes are rounded, to
//! one decimal, as sources print them.

use crate::core::data::period::Month;
use crate::core::text::i18n::Lang;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Unit {
    Tonnes,
    TonnesPerYear,
    Percent,
    Usd,
    Eur,
    UsdPerKg,
    Days,
    Months,
    Count,
    Rank,
    Persons,
    /// 1 means the element is on a control list.
    Listed,
    UsdPerTonne,
    Krw,
    Jpy,
    Inr,
    /// A calendar year as a target ("2028"), never grouped as a number.
    Year,
    /// A duration in years.
    Years,
    Metres,
    SquareKm,
    /// 1 means the event took place on the fact's date (`flag`, `event`).
    Flag,
    /// The number of an official announcement (MOFCOM No. 57).
    AnnouncementNo,
}

impl Unit {
    pub fn parse(text: &str) -> Option<Unit> {
        Some(match text {
            "t" => Unit::Tonnes,
            "t/yr" => Unit::TonnesPerYear,
            "%" => Unit::Percent,
            "USD" => Unit::Usd,
            "EUR" => Unit::Eur,
            "USD/kg" => Unit::UsdPerKg,
            "days" => Unit::Days,
            "months" => Unit::Months,
            "count" => Unit::Count,
            "rank" => Unit::Rank,
            "persons" => Unit::Persons,
            "listed" => Unit::Listed,
            "USD/t" => Unit::UsdPerTonne,
            "KRW" => Unit::Krw,
            "JPY" => Unit::Jpy,
            "INR" => Unit::Inr,
            "year" => Unit::Year,
            "years" => Unit::Years,
            "m" => Unit::Metres,
            "km2" => Unit::SquareKm,
            "flag" | "event" => Unit::Flag,
            "announcement_no" => Unit::AnnouncementNo,
            _ => return None,
        })
    }

    pub fn format(self, value: f64) -> String {
        let number = group_thousands(value);
        match self {
            Unit::Tonnes => crate::t!(unit_tonnes: "{number} t", number = number),
            Unit::TonnesPerYear => crate::t!(t_yr: "{number} t/yr", number = number),
            Unit::Percent => format!("{}%", signed_minus(&number)),
            Unit::Usd => format!("US${}", money(value)),
            Unit::Eur => format!("€{}", money(value)),
            Unit::UsdPerKg => format!("US${number}/kg"),
            Unit::Days => {
                crate::tn!(days: plural_count(value); one: "{number} day", other: "{number} days", number = number)
            }
            Unit::Months => {
                crate::tn!(months: plural_count(value); one: "{number} month", other: "{number} months", number = number)
            }
            Unit::Count | Unit::Persons => number,
            Unit::Rank => format!("#{number}"),
            Unit::Listed => {
                if value == 1.0 {
                    crate::t!(control_list: "on the control list")
                } else {
                    crate::t!(not_listed: "not listed")
                }
            }
            Unit::UsdPerTonne => format!("US${number}/t"),
            Unit::Krw => format!("₩{}", money(value)),
            Unit::Jpy => format!("¥{}", money(value)),
            Unit::Inr => format!("₹{}", money(value)),
            Unit::Year => decimal(value, 0),
            Unit::Years => {
                crate::tn!(years: plural_count(value); one: "{number} year", other: "{number} years", number = number)
            }
            Unit::Metres => crate::t!(unit_metres: "{number} m", number = number),
            Unit::SquareKm => crate::t!(unit_square_km: "{number} km²", number = number),
            Unit::Flag => crate::t!(took_place: "took place"),
            Unit::AnnouncementNo => {
                crate::t!(event_number: "No. {number}", number = decimal(value, 0))
            }
        }
    }
}

/// The count that picks a plural form: 1 only for exactly one, since
/// "1.5 years" takes the plural in English and Mongolian alike.
fn plural_count(value: f64) -> u64 {
    if value == 1.0 {
        1
    } else {
        0
    }
}

/// "400 million" reads better than "400,000,000", and says the same number.
/// Korean counts in ten-thousands: 400 million is 4억 (10^8), not "400 백만".
fn money(value: f64) -> String {
    let scales: [(f64, String); 2] =
        if crate::core::text::i18n::lang() == crate::core::text::i18n::Lang::Ko {
            [(1e8, "억".into()), (1e4, "만".into())]
        } else {
            [
                (1e9, crate::t!(billion: "billion")),
                (1e6, crate::t!(million: "million")),
            ]
        };
    for (size, word) in scales {
        let scaled = value / size;
        if value.abs() >= size && (scaled * 100.0).fract().abs() < 1e-9 {
            let separator = if crate::core::text::i18n::lang() == crate::core::text::i18n::Lang::Ko
            {
                ""
            } else {
                " "
            };
            return format!("{}{separator}{word}", group_thousands(scaled));
        }
    }
    group_thousands(value)
}

/// `value` with at most `places` decimals, trailing zeros dropped: 420.5,
/// 590, 12.25. Integer arithmetic, because core's float formatting costs
/// several KB of wasm and the dataset never has more than three decimals.
pub fn decimal(value: f64, places: u32) -> String {
    let scale = 10i64.pow(places);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, mut fraction) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    let mut digits = places as usize;
    while digits > 0 && fraction % 10 == 0 {
        fraction /= 10;
        digits -= 1;
    }
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0digits$}")
    }
}

/// A share or a change in percent, always with one decimal ("45.0",
/// "13.7"), so a list of shares reads alike and 45% does not look rounder
/// than its neighbours. Tonnes keep the decimals their source gives.
pub fn one_decimal(value: f64) -> String {
    let text = decimal(value, 1);
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}

/// Thousands separated by commas; decimals kept as given (up to three).
pub fn group_thousands(value: f64) -> String {
    let text = decimal(value, 3);
    let negative = text.starts_with('-');
    let text = text.trim_start_matches('-');
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text, None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    if negative {
        grouped.insert(0, '-');
    }
    grouped
}

/// Typographic minus, as newsrooms print negative changes.
fn signed_minus(number: &str) -> String {
    number.replacen('-', "\u{2212}", 1)
}

/// A computed percentage change, rounded to one decimal: "+10.2%", "−4.7%".
pub fn format_change(percent: f64) -> String {
    let rounded = round_to_tenth(percent);
    let sign = if rounded > 0.0 { "+" } else { "" };
    format!("{sign}{}%", signed_minus(&one_decimal(rounded)))
}

/// Rounds half away from zero, to the precision sources report changes in.
pub fn round_to_tenth(value: f64) -> f64 {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Aug 2025", "2025.8", "2025.08": for ticks and compact labels.
pub fn month_short(month: Month) -> String {
    match crate::core::text::i18n::lang() {
        Lang::En => format!(
            "{} {}",
            MONTH_ABBREVIATIONS[usize::from(month.number() - 1)],
            month.year()
        ),
        Lang::Ko => format!("{}.{}", month.year(), month.number()),
        Lang::Mn => format!("{}.{:02}", month.year(), month.number()),
    }
}

/// "August 2025", "2025년 8월", "2025 оны 8-р сар": for sentences and
/// announcements, as each language writes a month.
pub fn month_long(month: Month) -> String {
    match crate::core::text::i18n::lang() {
        Lang::En => format!(
            "{} {}",
            MONTH_NAMES[usize::from(month.number() - 1)],
            month.year()
        ),
        Lang::Ko => format!("{}년 {}월", month.year(), month.number()),
        Lang::Mn => format!("{} оны {}-р сар", month.year(), month.number()),
    }
}

/// Consecutive months of one year, as one period: "January–February 2026",
/// "2026년 1–2월", "2026 оны 1–2-р сар". Across years, both months in full.
pub fn months_long(first: Month, last: Month) -> String {
    if first.year() != last.year() {
        return format!("{}–{}", month_long(first), month_long(last));
    }
    let name = |m: Month| MONTH_NAMES[usize::from(m.number() - 1)];
    match crate::core::text::i18n::lang() {
        Lang::En => format!("{}–{} {}", name(first), name(last), last.year()),
        Lang::Ko => format!("{}년 {}–{}월", last.year(), first.number(), last.number()),
        Lang::Mn => format!(
            "{} оны {}–{}-р сар",
            last.year(),
            first.number(),
            last.number()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tonnes_read_as_newsrooms_print_them() {
        let cases = [
            (6146.0, "6,146 t"),
            (420.5, "420.5 t"),
            (46.0, "46 t"),
            (58152.0, "58,152 t"),
            (1_800_000.0, "1,800,000 t"),
            (7742.2, "7,742.2 t"),
            (0.0, "0 t"),
        ];
        for (value, expected) in cases {
            assert_eq!(Unit::Tonnes.format(value), expected);
        }
    }

    #[test]
    fn other_units_carry_their_symbol() {
        assert_eq!(Unit::TonnesPerYear.format(2000.0), "2,000 t/yr");
        assert_eq!(Unit::Percent.format(92.0), "92%");
        assert_eq!(Unit::Percent.format(-74.0), "\u{2212}74%");
        assert_eq!(Unit::Usd.format(400_000_000.0), "US$400 million");
        assert_eq!(Unit::Usd.format(2_860_000_000.0), "US$2.86 billion");
        assert_eq!(Unit::Eur.format(75_000_000.0), "€75 million");
        assert_eq!(Unit::Usd.format(17_300_001.0), "US$17,300,001");
        assert_eq!(Unit::Rank.format(8.0), "#8");
    }

    #[test]
    fn every_unit_of_the_dataset_parses() {
        for text in [
            "t", "t/yr", "%", "USD", "EUR", "USD/kg", "days", "months", "count", "rank", "persons",
            "listed",
        ] {
            assert!(Unit::parse(text).is_some(), "{text}");
        }
        assert_eq!(Unit::parse("tonnes"), None);
        assert_eq!(Unit::parse(""), None);
    }

    #[test]
    fn changes_round_to_one_decimal_with_sign() {
        let cases = [
            (10.2043, "+10.2%"),
            (-4.6850, "\u{2212}4.7%"),
            (20.654, "+20.7%"),
            (-11.8, "\u{2212}11.8%"),
            (0.04, "0.0%"),
            (-0.04, "0.0%"),
        ];
        for (value, expected) in cases {
            assert_eq!(format_change(value), expected, "{value}");
        }
    }

    #[test]
    fn decimals_are_rounded_and_trimmed_without_float_formatting() {
        let cases = [
            (420.5, 3, "420.5"),
            (590.0, 3, "590"),
            (7742.2, 3, "7742.2"),
            (-4.6850, 1, "-4.7"),
            (0.04, 1, "0"),
            (123.456, 1, "123.5"),
            (5.05, 2, "5.05"),
            (1e9, 0, "1000000000"),
        ];
        for (value, places, expected) in cases {
            assert_eq!(decimal(value, places), expected, "{value} to {places}");
        }
    }

    #[test]
    fn months_read_in_words() {
        let august = Month::parse("2025-08").unwrap();
        assert_eq!(month_short(august), "Aug 2025");
        assert_eq!(
            month_long(Month::parse("2024-12").unwrap()),
            "December 2024"
        );
    }
}
