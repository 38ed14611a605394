//! Reads back the medians criterion wrote for this run and prints them as a
//! Markdown table, each measure with its ratio to its group's floor (the
//! measure whose name starts with `floor`), and a paired ratio where the
//! bench measured one. Criterion itself prints no ratios.
//!
//! Results are found through criterion's own `new/benchmark.json` files
//! (which hold the group and function names as given, before criterion
//! makes them file-name safe), with the median next to them in
//! `new/estimates.json`. A missing result (a bench filtered out by name) is
//! left out; a result older than this run is shown marked `†`.
//!
//! Shared by the benches through `#[path]`; not part of the library.

#![allow(dead_code)] // each includer uses a part

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::Value;

/// One criterion result: the median in nanoseconds and whether this run
/// wrote it.
pub struct Median {
    pub nanos: f64,
    pub fresh: bool,
}

/// A result name: (group, function with its parameter).
pub type Key = (String, String);

/// Where criterion writes its results: `$CRITERION_HOME`, else
/// `$CARGO_TARGET_DIR/criterion`, else the first `criterion` folder found
/// walking up from the bench executable (`target/release/deps/…`), else
/// `target/criterion`.
pub fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| {
            exe.ancestors()
                .skip(1)
                .map(|dir| dir.join("criterion"))
                .find(|dir| dir.is_dir())
        })
        .unwrap_or_else(|| PathBuf::from("target/criterion"))
}

/// Every `…/new/benchmark.json` under `dir` (criterion nests them two or
/// three levels deep), keyed by (group, function with its parameter).
fn results(dir: &Path, since: SystemTime) -> HashMap<Key, Median> {
    let mut found = HashMap::new();
    let mut pending = vec![(dir.to_path_buf(), 0)];
    while let Some((dir, depth)) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.is_dir() || depth > 4 {
                continue;
            }
            if path.file_name().is_some_and(|n| n == "new") {
                if let Some((key, median)) = read_result(&path, since) {
                    found.insert(key, median);
                }
            } else if path
                .file_name()
                .is_none_or(|n| n != "base" && n != "report")
            {
                pending.push((path, depth + 1));
            }
        }
    }
    found
}

/// A result folder's names and median, if both files are there and
/// readable.
fn read_result(new: &Path, since: SystemTime) -> Option<(Key, Median)> {
    let read = |name: &str| -> Option<Value> {
        serde_json::from_str(&fs::read_to_string(new.join(name)).ok()?).ok()
    };
    let id = read("benchmark.json")?;
    let estimates = read("estimates.json")?;
    let group = id.get("group_id")?.as_str()?.to_owned();
    let mut function = id
        .get("function_id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if let Some(value) = id.get("value_str").and_then(Value::as_str) {
        function = format!("{function}/{value}");
    }
    let nanos = estimates.get("median")?.get("point_estimate")?.as_f64()?;
    let fresh = fs::metadata(new.join("estimates.json"))
        .and_then(|m| m.modified())
        .is_ok_and(|modified| modified >= since);
    Some(((group, function), Median { nanos, fresh }))
}

/// Microseconds with about three significant digits.
pub fn micros(nanos: f64) -> String {
    let us = nanos / 1000.0;
    if us < 10.0 {
        format!("{us:.2}")
    } else if us < 1000.0 {
        format!("{us:.1}")
    } else {
        format!("{us:.0}")
    }
}

/// Criterion's folder and the results in it of `measures`; `since` is when
/// this run started (older results are not fresh).
pub fn read(measures: &[Key], since: SystemTime) -> (PathBuf, HashMap<Key, Median>) {
    let dir = criterion_dir();
    let mut found = results(&dir, since);
    found.retain(|key, _| measures.contains(key));
    (dir, found)
}

/// Prints the table for `measures`, in the order given, with the `paired`
/// ratios where there are some.
pub fn print_table(
    dir: &Path,
    measures: &[Key],
    found: &HashMap<Key, Median>,
    paired: &HashMap<Key, f64>,
) {
    let rows: Vec<_> = measures
        .iter()
        .filter_map(|key| found.get(key).map(|m| (key, m)))
        .collect();
    if !rows.iter().any(|(_, m)| m.fresh) {
        println!("\n(no new criterion results in {})", dir.display());
        return;
    }
    println!(
        "\nMedians and ratio to each group's floor (from {}); paired: the two run alternately:\n",
        dir.display()
    );
    println!("| Group | Measure | Median µs | × floor | × floor, paired |");
    println!("|---|---|---:|---:|---:|");
    let mut stale = false;
    for (key @ (group, function), median) in rows {
        let floor = measures
            .iter()
            .find(|(g, f)| g == group && f.starts_with("floor"))
            .and_then(|key| found.get(key));
        let ratio = floor.map_or_else(
            || "—".to_owned(),
            |f| format!("{:.2}", median.nanos / f.nanos),
        );
        let paired = if function.starts_with("floor") {
            Some(&1.0)
        } else {
            paired.get(key)
        };
        let paired = paired.map_or_else(|| "—".to_owned(), |r| format!("{r:.2}"));
        let mark = if median.fresh { "" } else { " †" };
        stale |= !median.fresh;
        println!(
            "| {group} | `{function}` | {}{mark} | {ratio} | {paired} |",
            micros(median.nanos)
        );
    }
    if stale {
        println!("\n† from an earlier run (filtered out of this one)");
    }
}
