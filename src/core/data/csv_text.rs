//! RFC 4180 CSV in and out. Reading goes through `csv-core`, the
//! allocation-free engine of the `csv` crate: the full crate's `std::io`
//! reader cost about 4 KB more gzip in the wasm.

use csv_core::ReadRecordResult;

/// The records of `text`, each with the line it starts on (line 1 is the
/// header). The engine never fails: malformed quoting still yields a parse,
/// which the dataset's own checks then judge.
pub struct Records<'a> {
    reader: csv_core::Reader,
    input: &'a [u8],
    output: Vec<u8>,
    ends: Vec<usize>,
}

pub fn records(text: &str) -> Records<'_> {
    Records {
        reader: csv_core::Reader::new(),
        input: text.as_bytes(),
        output: vec![0; 1024],
        ends: vec![0; 16],
    }
}

impl Iterator for Records<'_> {
    type Item = (u64, Vec<String>);

    fn next(&mut self) -> Option<Self::Item> {
        let line = self.reader.line();
        let (mut written, mut fields) = (0, 0);
        loop {
            let (result, read, wrote, ended) = self.reader.read_record(
                self.input,
                &mut self.output[written..],
                &mut self.ends[fields..],
            );
            self.input = &self.input[read..];
            written += wrote;
            fields += ended;
            match result {
                // With the input used up, the next call (on an empty slice)
                // ends the last record.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.output.resize(self.output.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::End => return None,
                ReadRecordResult::Record => break,
            }
        }
        let mut start = 0;
        let values = self.ends[..fields]
            .iter()
            .map(|&end| {
                let field = String::from_utf8_lossy(&self.output[start..end]).into_owned();
                start = end;
                field
            })
            .collect();
        Some((line, values))
    }
}

/// Writes records as RFC 4180 CSV, quoting only the fields that need it.
///
/// Hand-written on purpose: `csv_core::Writer` decides its quoting style at
/// run time, so linking it links its `NonNumeric` test, which is the
/// standard float parser: about 20 KB of gzip in the wasm, measured. The
/// round-trip tests below read this output back with `csv-core`'s reader.
pub fn write<'a>(records: impl IntoIterator<Item = Vec<&'a str>>) -> String {
    let mut out = String::new();
    for record in records {
        for (index, field) in record.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            if field.contains([',', '"', '\n', '\r']) {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_commas_quotes_and_newlines_survive_a_round_trip() {
        let rows = [
            vec!["id", "excerpt"],
            vec!["a", "plain"],
            vec!["b", "with, comma"],
            vec!["c", "say \"590 tons\""],
            vec!["d", "two\nlines"],
            vec!["e", ""],
        ];
        let text = write(rows.iter().cloned());
        assert!(text.contains("\"with, comma\""));
        assert!(text.contains("\"say \"\"590 tons\"\"\""));
        let back: Vec<Vec<String>> = records(&text).map(|(_, r)| r).collect();
        let expected: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|f| f.to_string()).collect())
            .collect();
        assert_eq!(back, expected);
    }

    #[test]
    fn records_know_their_line_and_long_fields_fit() {
        let long = "x".repeat(5000);
        let text = format!("h1,h2\n1,\"a\nb\"\n2,{long}\n3,last");
        let read: Vec<(u64, Vec<String>)> = records(&text).collect();
        let lines: Vec<u64> = read.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [1, 2, 4, 5]);
        assert_eq!(read[2].1[1], long);
        assert_eq!(read[3].1, ["3", "last"], "a last line without newline");
    }

    #[test]
    fn crlf_files_read_like_lf_files() {
        let lf: Vec<_> = records("a,b\n1,2\n").map(|(_, r)| r).collect();
        let crlf: Vec<_> = records("a,b\r\n1,2\r\n").map(|(_, r)| r).collect();
        assert_eq!(lf, crlf);
    }
}
