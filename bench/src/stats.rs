//! Latency samples, their percentiles, and the table the bench prints.

use std::time::Duration;

/// Latencies of one measurement, in microseconds, kept whole: a run has at most a few tens
/// of thousands of them, and exact percentiles need no histogram.
#[derive(Debug, Clone, Default)]
pub struct Samples {
    micros: Vec<u64>,
    sorted: bool,
}

impl Samples {
    /// No samples yet.
    pub fn new() -> Samples {
        Samples::default()
    }

    /// Adds one latency.
    pub fn push(&mut self, latency: Duration) {
        self.micros
            .push(u64::try_from(latency.as_micros()).unwrap_or(u64::MAX));
        self.sorted = false;
    }

    /// Adds every sample of `other`.
    pub fn extend(&mut self, other: Samples) {
        self.micros.extend(other.micros);
        self.sorted = false;
    }

    /// How many samples.
    pub fn len(&self) -> usize {
        self.micros.len()
    }

    /// The `p`-th percentile (0–100) by the nearest-rank method: the smallest sample with at
    /// least `p` % of the samples at or below it. `None` without samples.
    pub fn percentile(&mut self, p: f64) -> Option<Duration> {
        if self.micros.is_empty() {
            return None;
        }
        if !self.sorted {
            self.micros.sort_unstable();
            self.sorted = true;
        }
        let n = self.micros.len();
        // Nearest rank: ceil(p/100 · n), 1-based, clamped to the samples there are.
        let rank = ((p / 100.0) * n as f64).ceil() as usize;
        let index = rank.clamp(1, n) - 1;
        Some(Duration::from_micros(self.micros[index]))
    }
}

/// A duration in milliseconds with a precision that suits its size.
pub fn ms(d: Option<Duration>) -> String {
    match d {
        None => "–".to_owned(),
        Some(d) => {
            let ms = d.as_secs_f64() * 1000.0;
            if ms < 10.0 {
                format!("{ms:.2} ms")
            } else if ms < 100.0 {
                format!("{ms:.1} ms")
            } else {
                format!("{ms:.0} ms")
            }
        }
    }
}

/// A byte count in KiB.
pub fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// A table printed as Markdown: readable in a terminal and ready for BENCHMARKS.md.
#[derive(Debug, Clone)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column titles.
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells are left empty, extra ones dropped.
    pub fn row(&mut self, cells: Vec<String>) {
        let mut cells = cells;
        cells.resize(self.header.len(), String::new());
        self.rows.push(cells);
    }

    /// The table as Markdown, with columns padded to line up.
    pub fn render(&self) -> String {
        let widths: Vec<usize> = (0..self.header.len())
            .map(|c| {
                std::iter::once(&self.header[c])
                    .chain(self.rows.iter().map(|r| &r[c]))
                    .map(|s| s.chars().count())
                    .max()
                    .unwrap_or(0)
                    .max(3)
            })
            .collect();
        let line = |cells: &[String]| {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
                .collect();
            format!("| {} |\n", padded.join(" | "))
        };
        let mut out = line(&self.header);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        out.push_str(&format!("|-{}-|\n", rule.join("-|-")));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples(values: &[u64]) -> Samples {
        let mut s = Samples::new();
        for v in values {
            s.push(Duration::from_micros(*v));
        }
        s
    }

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let mut s = samples(&(1..=100).rev().collect::<Vec<_>>());
        assert_eq!(s.percentile(50.0), Some(Duration::from_micros(50)));
        assert_eq!(s.percentile(99.0), Some(Duration::from_micros(99)));
        assert_eq!(s.percentile(100.0), Some(Duration::from_micros(100)));
        assert_eq!(s.percentile(0.0), Some(Duration::from_micros(1)));
        let mut few = samples(&[30, 10, 20]);
        assert_eq!(few.percentile(50.0), Some(Duration::from_micros(20)));
        assert_eq!(few.percentile(99.0), Some(Duration::from_micros(30)));
        assert_eq!(Samples::new().percentile(50.0), None);
    }

    #[test]
    fn samples_added_later_are_sorted_in() {
        let mut s = samples(&[5, 1]);
        assert_eq!(s.percentile(100.0), Some(Duration::from_micros(5)));
        s.extend(samples(&[9]));
        assert_eq!(s.percentile(100.0), Some(Duration::from_micros(9)));
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(ms(Some(Duration::from_micros(1234))), "1.23 ms");
        assert_eq!(ms(Some(Duration::from_micros(23_456))), "23.5 ms");
        assert_eq!(ms(Some(Duration::from_millis(250))), "250 ms");
        assert_eq!(ms(None), "–");
        assert_eq!(kib(2048), "2.0 KiB");
    }

    #[test]
    fn tables_line_up_and_keep_their_shape() {
        let mut t = Table::new(&["what", "value"]);
        t.row(vec!["autosave".into(), "1.5 ms".into()]);
        t.row(vec!["x".into()]);
        let text = t.render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0], "| what     | value  |");
        assert_eq!(lines[1], "|----------|--------|");
        assert_eq!(lines[2], "| autosave | 1.5 ms |");
        assert_eq!(lines[3], "| x        |        |");
    }
}
