//! The facts file without its excerpts: what the app is built with.
//!
//! The 604 verbatim excerpts are 23 KB of the facts file's 52 KB gzip, and
//! only a reader who opens a source needs one. So the build (`build.rs`)
//! empties the excerpt column of `public/data/facts.csv` before the file is
//! compiled in, and the app reads the excerpts from the served copy of the
//! same file when they are first asked for (`update::consider`).
//!
//! This module is compiled twice: into the app, and into the build script,
//! which includes it by path. So it names its sibling as `super::csv_text`
//! and nothing else of the crate.

use super::csv_text;

/// The position of the excerpt column: the last of the twelve.
pub const EXCERPT_COLUMN: usize = 11;

/// How much of the file's end the data check compares (see
/// `update::tail_matches`); the build keeps this much of the full file.
pub const TAIL_BYTES: usize = 1024;

/// `text` with every record's excerpt emptied, written the one way
/// [`csv_text::write`] writes: two files with the same figures and sources
/// give the same text here, whatever their quoting or line endings.
/// The header is kept as it is, so the result still reads as a facts file.
pub fn without_excerpts(text: &str) -> String {
    let records = csv_text::records(text)
        .enumerate()
        .map(|(index, (_, mut fields))| {
            if index > 0 {
                if let Some(excerpt) = fields.get_mut(EXCERPT_COLUMN) {
                    excerpt.clear();
                }
            }
            fields
        });
    let records: Vec<Vec<String>> = records.collect();
    csv_text::write(
        records
            .iter()
            .map(|fields| fields.iter().map(String::as_str).collect()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "id,metric,excerpt\n\
        a,m,\"590 tons, down\"\r\n\
        b,m,\"He said \"\"no\"\"\"\n";

    fn rows(text: &str) -> Vec<Vec<String>> {
        csv_text::records(text).map(|(_, fields)| fields).collect()
    }

    #[test]
    fn only_the_excerpt_cells_are_emptied() {
        let twelve = |id: &str, excerpt: &str| -> String {
            let mut fields: Vec<String> = (0..11).map(|i| format!("{id}{i}")).collect();
            fields.push(excerpt.to_string());
            csv_text::write([fields.iter().map(String::as_str).collect()])
        };
        let header = twelve("h", "excerpt");
        let file = format!(
            "{header}{}{}",
            twelve("a", "590 tons, down"),
            twelve("b", "x")
        );
        let lean = rows(&without_excerpts(&file));
        assert_eq!(lean[0], rows(&header)[0], "the header is kept");
        assert_eq!(lean[1][EXCERPT_COLUMN], "");
        assert_eq!(lean[2][EXCERPT_COLUMN], "");
        assert_eq!(lean[1][..EXCERPT_COLUMN], rows(&file)[1][..EXCERPT_COLUMN]);
    }

    #[test]
    fn line_endings_and_quoting_do_not_make_two_files_differ() {
        let unix = FILE.replace("\r\n", "\n");
        let quoted = unix.replace("a,m,", "\"a\",\"m\",");
        assert_eq!(without_excerpts(FILE), without_excerpts(&unix));
        assert_eq!(without_excerpts(FILE), without_excerpts(&quoted));
        // A changed figure still shows.
        assert_ne!(
            without_excerpts(FILE),
            without_excerpts(&FILE.replace("a,m", "a,n"))
        );
    }

    #[test]
    fn the_shipped_file_loses_its_excerpts_and_nothing_else() {
        let file = include_str!("../../../public/data/facts.csv");
        let (full, lean) = (rows(file), rows(&without_excerpts(file)));
        assert_eq!(full.len(), lean.len());
        for (full, lean) in full.iter().zip(&lean).skip(1) {
            assert_eq!(full[..EXCERPT_COLUMN], lean[..EXCERPT_COLUMN]);
            assert!(!full[EXCERPT_COLUMN].is_empty() && lean[EXCERPT_COLUMN].is_empty());
        }
        assert!(without_excerpts(file).len() < file.len() * 3 / 4);
    }
}
