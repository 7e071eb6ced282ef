//! Updating the data without a rebuild: a newsroom edits `data/facts.csv`
//! next to `index.html`, and the app, which starts on its embedded copy,
//! decides whether the served file should replace it.
//!
//! The check costs one small request on an unchanged file: the app first
//! asks for the file's last [`TAIL_BYTES`] bytes. A range reply carries the
//! file's full size; when size and tail equal the embedded copy's, the file
//! is taken as unchanged and not downloaded again. Any other reply leads to
//! (or already is) the whole file.

use crate::core::data::dataset::{parse_facts, Dataset, FactsFile, LoadError, BUILT_IN_FACTS};
use crate::core::data::excerpts::without_excerpts;
pub use crate::core::data::excerpts::TAIL_BYTES;

/// Where the data file lives, relative to `index.html`.
pub const DATA_FILE: &str = "data/facts.csv";

/// The `Range` header of the first request.
pub fn tail_range() -> String {
    format!("bytes=-{TAIL_BYTES}")
}

/// The full size from a `Content-Range` header such as `bytes 100-611/612`.
pub fn content_range_total(header: &str) -> Option<usize> {
    let (_, total) = header.trim().strip_prefix("bytes ")?.rsplit_once('/')?;
    total.trim().parse().ok()
}

/// Whether a partial reply shows the served file is the one in use (for
/// the built-in copy, the file it was built from).
/// Bytes, not text: the range may begin inside a multi-byte character.
pub fn tail_matches(total: Option<usize>, tail: &[u8], in_use: &FactsFile) -> bool {
    let (size, end) = in_use.size_and_tail();
    total == Some(size) && end.ends_with(tail)
}

/// What to do with a served data file.
#[derive(Debug)]
pub enum Decision {
    /// Same content as the data in use.
    Unchanged,
    /// The figures of the built-in copy, with the excerpts it leaves out:
    /// taken in silently, since no number changes.
    Excerpts(Dataset),
    /// Valid, and its newest source is at least as recent as the data in
    /// use: it replaces it.
    Replace(Dataset),
    /// Valid but its newest source is older: the data in use stays.
    Older { file: String, current: String },
    /// Malformed or impossible: the data in use stays, and the reader is
    /// told which record is wrong and why.
    Invalid(LoadError),
    /// Not a data file at all: a host's HTML page (what single-page-app
    /// hosts answer for a missing file, with status 200). Treated as an
    /// absent file: nothing for readers, a console line for the host.
    NotData,
}

/// Whether a reply is a web page rather than CSV: its first non-blank
/// character opens a tag (`<!doctype html>`, `<html>`).
pub fn looks_like_html(text: &str) -> bool {
    text.trim_start_matches('\u{FEFF}')
        .trim_start()
        .starts_with('<')
}

/// Decides what a served file means for the data in use. The seed
/// article's claims are not part of the file and are kept.
pub fn consider(served: &str, current: &Dataset) -> Decision {
    if looks_like_html(served) {
        return Decision::NotData;
    }
    // The file the app was built from (or one that differs from it only
    // in its quotes) completes the built-in copy.
    let completes = match &current.facts_file {
        FactsFile::Whole(text) if normalise(served) == normalise(text) => {
            return Decision::Unchanged
        }
        FactsFile::Whole(_) => false,
        FactsFile::BuiltIn => without_excerpts(served) == BUILT_IN_FACTS,
    };
    let facts = match parse_facts(served) {
        Ok(facts) => facts,
        Err(error) => return Decision::Invalid(error),
    };
    if facts.is_empty() {
        return Decision::Invalid(LoadError {
            line: 2,
            record: String::new(),
            field: "row",
            reason: crate::t!(file_has_no_records: "the file has no records"),
        });
    }
    // The events in use must still find their facts in the new file.
    let events = match crate::core::data::events::parse_events(&current.events_csv, &facts) {
        Ok(events) => events,
        Err(error) => return Decision::Invalid(error),
    };
    let candidate = Dataset {
        facts,
        claims: current.claims.clone(),
        facts_file: FactsFile::Whole(served.to_string()),
        events,
        events_csv: current.events_csv.clone(),
    };
    if completes {
        return Decision::Excerpts(candidate);
    }
    let file = candidate
        .latest_source_date()
        .unwrap_or_default()
        .to_string();
    let in_use = current.latest_source_date().unwrap_or_default().to_string();
    // ISO dates (or their prefixes) order as strings.
    if file < in_use {
        return Decision::Older {
            file,
            current: in_use,
        };
    }
    Decision::Replace(candidate)
}

/// What to do with a served events file: it replaces the events in use when
/// it differs and every event finds its fact and fits its dates.
pub fn consider_events(served: &str, current: &Dataset) -> Decision {
    if looks_like_html(served) {
        return Decision::NotData;
    }
    if normalise(served) == normalise(&current.events_csv) {
        return Decision::Unchanged;
    }
    match crate::core::data::events::parse_events(served, &current.facts) {
        Ok(events) => Decision::Replace(Dataset {
            facts: current.facts.clone(),
            claims: current.claims.clone(),
            facts_file: current.facts_file.clone(),
            events,
            events_csv: served.to_string(),
        }),
        Err(error) => Decision::Invalid(error),
    }
}

/// Line endings and a final newline are an editor's choice, not a change.
fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n").trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::series::{Series, SeriesView};
    use crate::core::data::dataset::FACTS_CSV;

    fn embedded() -> Dataset {
        Dataset::embedded().unwrap()
    }

    /// The shipped file plus one more month for the US, dated later.
    fn with_new_month() -> String {
        format!(
            "{}mag-chn-usa-2026-04,magnet_exports,CHN,USA,2026-04,512,t,Test title,Test desk,2026-05-20,https://example.org/april,\"512 tons to the United States\"\n",
            FACTS_CSV
        )
    }

    #[test]
    fn a_hosts_html_page_in_place_of_a_file_is_no_file_at_all() {
        let page = "\u{FEFF}\n  <!doctype html><html><head><title>App</title></head></html>";
        assert!(matches!(consider(page, &embedded()), Decision::NotData));
        assert!(matches!(
            consider_events("<html></html>", &embedded()),
            Decision::NotData
        ));
        assert!(!looks_like_html(FACTS_CSV));
    }

    #[test]
    fn a_served_events_file_replaces_the_events_or_is_refused_by_line() {
        let current = embedded();
        let added = format!(
            "{}event-neo-narva-opening,2025-09-19,Neo opens its Narva plant,나르바 공장 개소,Нарвагийн үйлдвэр нээгдэв\n",
            crate::core::data::events::EVENTS_CSV
        );
        let Decision::Replace(updated) = consider_events(&added, &current) else {
            panic!("a valid events file replaces the events");
        };
        assert_eq!(updated.events.len(), current.events.len() + 1);
        assert_eq!(updated.facts.len(), current.facts.len());
        let wrong = format!(
            "{}inv-dod-mp-2025,2024-01,Too early,,\n",
            crate::core::data::events::EVENTS_CSV
        );
        let Decision::Invalid(error) = consider_events(&wrong, &current) else {
            panic!("a date outside its fact is refused");
        };
        assert_eq!(error.field, "date");
        assert!(matches!(
            consider_events(crate::core::data::events::EVENTS_CSV, &current),
            Decision::Unchanged
        ));
    }

    #[test]
    fn content_range_gives_the_full_size() {
        let cases = [
            ("bytes 100-611/612", Some(612)),
            ("bytes 0-0/104738", Some(104738)),
            ("bytes */612", Some(612)),
            ("bytes 0-10/*", None),
            ("items 0-10/20", None),
            ("", None),
        ];
        for (header, expected) in cases {
            assert_eq!(content_range_total(header), expected, "{header}");
        }
    }

    #[test]
    fn an_unchanged_tail_and_size_mean_the_embedded_file() {
        let tail = &FACTS_CSV.as_bytes()[FACTS_CSV.len() - TAIL_BYTES..];
        let added = with_new_month();
        let added_tail = &added.as_bytes()[added.len() - TAIL_BYTES..];
        // The built-in copy, without excerpts, knows the full file's end;
        // a file read whole knows its own.
        let read_whole = FactsFile::Whole(FACTS_CSV.to_string());
        for in_use in [&FactsFile::BuiltIn, &read_whole] {
            assert!(tail_matches(Some(FACTS_CSV.len()), tail, in_use));
            assert!(!tail_matches(Some(FACTS_CSV.len() + 1), tail, in_use));
            assert!(!tail_matches(None, tail, in_use));
            assert!(!tail_matches(Some(added.len()), added_tail, in_use));
        }
        // A range that begins further back than the kept end is not a match.
        let longer = &FACTS_CSV.as_bytes()[FACTS_CSV.len() - TAIL_BYTES - 1..];
        assert!(!tail_matches(
            Some(FACTS_CSV.len()),
            longer,
            &FactsFile::BuiltIn
        ));
    }

    #[test]
    fn the_same_file_changes_nothing_whatever_its_line_endings() {
        let read_whole = Dataset::embedded_with_excerpts();
        let windows = FACTS_CSV.replace('\n', "\r\n");
        for served in [FACTS_CSV, &windows] {
            assert!(matches!(consider(served, &read_whole), Decision::Unchanged));
        }
    }

    #[test]
    fn the_file_the_app_was_built_from_brings_the_excerpts_and_nothing_else() {
        let Decision::Excerpts(complete) = consider(FACTS_CSV, &embedded()) else {
            panic!("the built file completes the built-in copy");
        };
        assert_eq!(complete.facts, Dataset::embedded_with_excerpts().facts);
        assert_eq!(complete.facts_file, FactsFile::Whole(FACTS_CSV.to_string()));
        assert_eq!(complete.events.len(), embedded().events.len());
        // Saved on Windows, it is still the same file.
        let windows = FACTS_CSV.replace('\n', "\r\n");
        assert!(matches!(
            consider(&windows, &embedded()),
            Decision::Excerpts(_)
        ));
        // A newsroom's corrected quote is read; it changes no number.
        let corrected = FACTS_CSV.replacen("590 tons", "590 tonnes", 1);
        let Decision::Excerpts(complete) = consider(&corrected, &embedded()) else {
            panic!("a changed quote still completes the built-in copy");
        };
        let fact = complete.facts.iter().find(|f| {
            f.excerpt
                .as_deref()
                .is_some_and(|e| e.contains("590 tonnes"))
        });
        assert!(fact.is_some());
        // A changed figure is a newer file, never a completion.
        assert!(matches!(
            consider(&with_new_month(), &embedded()),
            Decision::Replace(_)
        ));
    }

    #[test]
    fn a_newer_valid_file_replaces_the_data_and_adds_its_month() {
        let Decision::Replace(updated) = consider(&with_new_month(), &embedded()) else {
            panic!("a newer valid file must replace the data");
        };
        // One record more than the shipped file, counted by its own reader.
        let shipped = crate::core::data::csv_text::records(FACTS_CSV).count() - 1;
        assert_eq!(updated.facts.len(), shipped + 1);
        assert_eq!(updated.latest_source_date(), Some("2026-05-20"));
        assert_eq!(updated.claims.len(), embedded().claims.len());
        let april = crate::core::data::period::Month::new(2026, 4).unwrap();
        let view = SeriesView::new(&updated, Series::Magnets);
        assert_eq!(view.latest_month_with_destinations(1), Some(april));
        assert_eq!(
            view.month_flows(april).flow("USA").unwrap().fact.value,
            512.0
        );
    }

    #[test]
    fn an_older_file_leaves_the_data_alone() {
        let older = FACTS_CSV
            .lines()
            .filter(|line| !line.contains("2026-04-20") && !line.contains(",2026-0"))
            .collect::<Vec<_>>()
            .join("\n");
        match consider(&older, &embedded()) {
            Decision::Older { file, current } => {
                assert!(file < current);
                assert_eq!(current, "2026-04-20");
            }
            other => panic!("expected Older, got {other:?}"),
        }
    }

    #[test]
    fn impossible_values_are_named_and_refused() {
        let cases = [
            (
                "mag-bad,magnet_exports,CHN,USA,2026-04,-5,t,T,P,2026-05-20,https://e.org,q",
                "mag-bad",
                "negative",
            ),
            (
                "mag-bad,magnet_exports,CHN,ATLANTIS,2026-04,5,t,T,P,2026-05-20,https://e.org,q",
                "mag-bad",
                "ATLANTIS",
            ),
            (
                "mag-bad,magnet_exports,CHN,USA,2026-13,5,t,T,P,2026-05-20,https://e.org,q",
                "mag-bad",
                "2026-13",
            ),
            (
                "mag-chn-2025-08,magnet_exports,CHN,,2025-09,5,t,T,P,2026-05-20,https://e.org,q",
                "mag-chn-2025-08",
                "duplicate",
            ),
        ];
        for (row, record, reason) in cases {
            let file = format!("{FACTS_CSV}{row}\n");
            match consider(&file, &embedded()) {
                Decision::Invalid(error) => {
                    assert_eq!(error.record, record);
                    assert!(error.to_string().contains(reason), "{error}");
                }
                other => panic!("{row}: expected Invalid, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_file_that_is_not_the_dataset_is_refused() {
        for text in ["id,metric\n", "", "not,a,dataset\n1,2,3\n"] {
            assert!(
                matches!(consider(text, &embedded()), Decision::Invalid(_)),
                "{text:?}"
            );
        }
    }
}
