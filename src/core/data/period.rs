//! Reference periods of the facts: calendar months and the coarser or
//! cumulative periods that sources also use. Only `Month` takes part in
//! month-on-month arithmetic; the other kinds are kept so that a year-to-date
//! or annual row is never mistaken for a monthly one.

use std::fmt;

/// A calendar month. Ordered by time, so ranges and comparisons read naturally.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u8,
}

impl Month {
    pub fn new(year: i32, month: u8) -> Option<Month> {
        ((1..=12).contains(&month) && (1900..=2200).contains(&year))
            .then_some(Month { year, month })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 for January.
    pub fn number(self) -> u8 {
        self.month
    }

    /// Parses exactly `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        Month::new(parse_digits(year)?, parse_digits(month)?.try_into().ok()?)
    }

    fn ordinal(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    fn from_ordinal(ordinal: i32) -> Month {
        Month {
            year: ordinal.div_euclid(12),
            month: (ordinal.rem_euclid(12) + 1) as u8,
        }
    }

    pub fn plus_months(self, months: i32) -> Month {
        Month::from_ordinal(self.ordinal() + months)
    }

    pub fn previous(self) -> Month {
        self.plus_months(-1)
    }

    pub fn next(self) -> Month {
        self.plus_months(1)
    }

    pub fn year_earlier(self) -> Month {
        self.plus_months(-12)
    }

    /// Number of months from `self` to `later`; negative when `later` is earlier.
    pub fn months_until(self, later: Month) -> i32 {
        later.ordinal() - self.ordinal()
    }

    /// Every month from `first` to `last`, both included.
    pub fn range(first: Month, last: Month) -> impl Iterator<Item = Month> {
        (first.ordinal()..=last.ordinal()).map(Month::from_ordinal)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

fn parse_digits(text: &str) -> Option<i32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The period a fact refers to, as its source states it.
#[derive(Clone, Debug, PartialEq)]
pub enum Period {
    /// The source gives no reference period; the fact holds "as of" its date.
    Undated,
    Year(i32),
    Half {
        year: i32,
        half: u8,
    },
    Quarter {
        year: i32,
        quarter: u8,
    },
    Month(Month),
    Day {
        month: Month,
        day: u8,
    },
    /// A cumulative span such as `2025-01/2025-07` (year to date) or `2020/2023`.
    Span(Box<Period>, Box<Period>),
}

impl Period {
    pub fn parse(text: &str) -> Result<Period, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Period::Undated);
        }
        if let Some((from, to)) = text.split_once('/') {
            let (from, to) = (Period::parse_single(from)?, Period::parse_single(to)?);
            if from.first_month() > to.first_month() {
                return Err(crate::t!(span_ends_before_starts:
                    "span `{text}` ends before it starts",
                    text = text
                ));
            }
            return Ok(Period::Span(Box::new(from), Box::new(to)));
        }
        Period::parse_single(text)
    }

    fn parse_single(text: &str) -> Result<Period, String> {
        let bad = || {
            crate::t!(not_period_yyyy_yyyy_mm:
                "`{text}` is not a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, YYYY-Q1)",
                text = text
            )
        };
        let mut parts = text.split('-');
        let year = parts
            .next()
            .filter(|y| y.len() == 4)
            .and_then(parse_digits)
            .ok_or_else(bad)?;
        Month::new(year, 1).ok_or_else(bad)?;
        let period = match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Period::Year(year),
            (Some(h @ ("H1" | "H2")), None, _) => Period::Half {
                year,
                half: h.as_bytes()[1] - b'0',
            },
            (Some(q @ ("Q1" | "Q2" | "Q3" | "Q4")), None, _) => Period::Quarter {
                year,
                quarter: q.as_bytes()[1] - b'0',
            },
            (Some(m), None, _) => {
                Period::Month(Month::parse(&format!("{year:04}-{m}")).ok_or_else(bad)?)
            }
            (Some(m), Some(d), None) => {
                let month = Month::parse(&format!("{year:04}-{m}")).ok_or_else(bad)?;
                let day = Some(d)
                    .filter(|d| d.len() == 2)
                    .and_then(parse_digits)
                    .filter(|d| (1..=31).contains(d))
                    .ok_or_else(bad)?;
                Period::Day {
                    month,
                    day: day as u8,
                }
            }
            _ => return Err(bad()),
        };
        Ok(period)
    }

    /// The month of a monthly figure. Every other kind of period yields `None`,
    /// which keeps annual and year-to-date rows out of monthly series.
    pub fn as_month(&self) -> Option<Month> {
        match self {
            Period::Month(month) => Some(*month),
            _ => None,
        }
    }

    /// The month in which the period starts, or falls (for a dated event).
    pub fn first_month(&self) -> Option<Month> {
        match self {
            Period::Undated => None,
            Period::Year(year) => Month::new(*year, 1),
            Period::Half { year, half } => Month::new(*year, 1 + (half - 1) * 6),
            Period::Quarter { year, quarter } => Month::new(*year, 1 + (quarter - 1) * 3),
            Period::Month(month) | Period::Day { month, .. } => Some(*month),
            Period::Span(from, _) => from.first_month(),
        }
    }

    /// The month in which the period ends.
    pub fn last_month(&self) -> Option<Month> {
        match self {
            Period::Undated => None,
            Period::Year(year) => Month::new(*year, 12),
            Period::Half { year, half } => Month::new(*year, half * 6),
            Period::Quarter { year, quarter } => Month::new(*year, quarter * 3),
            Period::Month(month) | Period::Day { month, .. } => Some(*month),
            Period::Span(_, to) => to.last_month(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    #[test]
    fn month_parsing_accepts_only_real_months() {
        let cases = [
            ("2025-08", Some((2025, 8))),
            ("2025-12", Some((2025, 12))),
            ("2025-13", None),
            ("2025-00", None),
            ("2025-8", None),
            ("25-08", None),
            ("2025-08-01", None),
            ("abcd-ef", None),
            ("", None),
            ("+025-08", None),
        ];
        for (text, expected) in cases {
            let parsed = Month::parse(text).map(|m| (m.year(), m.number()));
            assert_eq!(parsed, expected, "{text}");
        }
    }

    #[test]
    fn month_arithmetic_crosses_year_boundaries() {
        assert_eq!(month("2025-01").previous(), month("2024-12"));
        assert_eq!(month("2024-12").next(), month("2025-01"));
        assert_eq!(month("2025-08").year_earlier(), month("2024-08"));
        assert_eq!(month("2024-02").months_until(month("2026-03")), 25);
        assert_eq!(month("2025-03").plus_months(-27), month("2022-12"));
    }

    #[test]
    fn month_range_includes_both_ends_in_order() {
        let months: Vec<String> = Month::range(month("2024-11"), month("2025-02"))
            .map(|m| m.to_string())
            .collect();
        assert_eq!(months, ["2024-11", "2024-12", "2025-01", "2025-02"]);
        assert_eq!(Month::range(month("2025-02"), month("2025-01")).count(), 0);
    }

    #[test]
    fn periods_of_every_kind_in_the_dataset_parse() {
        let cases = [
            ("", Period::Undated),
            ("2024", Period::Year(2024)),
            (
                "2025-H1",
                Period::Half {
                    year: 2025,
                    half: 1,
                },
            ),
            (
                "2026-Q1",
                Period::Quarter {
                    year: 2026,
                    quarter: 1,
                },
            ),
            ("2025-08", Period::Month(month("2025-08"))),
            (
                "2025-04-04",
                Period::Day {
                    month: month("2025-04"),
                    day: 4,
                },
            ),
            (
                "2025-01/2025-07",
                Period::Span(
                    Box::new(Period::Month(month("2025-01"))),
                    Box::new(Period::Month(month("2025-07"))),
                ),
            ),
            (
                "2020/2023",
                Period::Span(Box::new(Period::Year(2020)), Box::new(Period::Year(2023))),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(Period::parse(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn malformed_periods_are_rejected_with_the_text() {
        for text in [
            "2025-13",
            "2025-Q5",
            "2025-H3",
            "2025-04-32",
            "20250",
            "2025-07/2024-01",
            "Aug 2025",
        ] {
            let error = Period::parse(text).unwrap_err();
            assert!(
                error.contains(text.split('/').next().unwrap()) || error.contains(text),
                "{text}: {error}"
            );
        }
    }

    #[test]
    fn only_monthly_periods_count_as_months() {
        assert_eq!(
            Period::parse("2025-08").unwrap().as_month(),
            Some(month("2025-08"))
        );
        for text in ["2025", "2025-H1", "2025-01/2025-07", "2025-04-04", ""] {
            assert_eq!(Period::parse(text).unwrap().as_month(), None, "{text}");
        }
        assert_eq!(
            Period::parse("2025-04-04").unwrap().first_month(),
            Some(month("2025-04"))
        );
        assert_eq!(
            Period::parse("2026-Q1").unwrap().first_month(),
            Some(month("2026-01"))
        );
    }
}
