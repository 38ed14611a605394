//! Validation and conversion of this checkout against an earlier revision
//! of the crate, in one process: each measure runs both alternately (31
//! rounds of 2 000 calls, the order swapped every round) and reports the
//! median of the rounds' time ratios, new over old. Run by `run.sh REV`.

#[allow(dead_code)]
#[path = "../../../benches/support/records.rs"]
mod records;
use std::hint::black_box;
use std::time::Instant;

fn old_p(p: omnicontact::Provider) -> old::Provider {
    old::Provider::ALL
        .iter()
        .copied()
        .find(|o| o.as_str() == p.as_str())
        .unwrap()
}

/// Seconds taken by `n` calls of `f`.
fn timed(n: usize, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed().as_secs_f64()
}

fn main() {
    let mut rows = Vec::new();
    for p in omnicontact::Provider::ALL.iter().copied() {
        let text = match p.as_str() {
            "omnisend" => records::omnisend(20),
            "sendios" => records::sendios(20),
            "rocketchat" => records::rocketchat(20),
            "suprsend" => records::suprsend(20),
            _ => records::raia(20),
        };
        rows.push((format!("{p}/record validate"), p, text, None));
    }
    let rc = include_str!("../../../examples/data/rocketchat_to_omnisend.ndjson")
        .lines()
        .next()
        .unwrap()
        .to_owned();
    rows.push((
        "rocketchat to omnisend validate".into(),
        omnicontact::Provider::RocketChat,
        rc.clone(),
        None,
    ));
    rows.push((
        "rocketchat to omnisend convert".into(),
        omnicontact::Provider::RocketChat,
        rc,
        Some(omnicontact::Provider::Omnisend),
    ));
    println!("| measure | new / old (median of 31 paired rounds) | new µs | old µs |");
    for (name, p, text, target) in rows {
        let new_v = omnicontact::Validator::new(p);
        let old_v = old::Validator::new(old_p(p));
        let old_t = target.map(old_p);
        let n = 2000;
        let mut ratios = Vec::new();
        let (mut tn, mut to) = (0.0, 0.0);
        for round in 0..31 {
            let run_new = || {
                timed(n, || match target {
                    Some(t) => drop(black_box(new_v.convert_str(black_box(&text), t))),
                    None => drop(black_box(new_v.validate_str(black_box(&text)))),
                })
            };
            let run_old = || {
                timed(n, || match old_t {
                    Some(t) => drop(black_box(old_v.convert_str(black_box(&text), t))),
                    None => drop(black_box(old_v.validate_str(black_box(&text)))),
                })
            };
            let (a, b) = if round % 2 == 0 {
                let a = run_new();
                let b = run_old();
                (a, b)
            } else {
                let b = run_old();
                let a = run_new();
                (a, b)
            };
            if round > 0 {
                ratios.push(a / b);
                tn += a;
                to += b;
            }
        }
        ratios.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let k = (ratios.len() * n) as f64;
        println!(
            "| {name} | {:.3} | {:.2} | {:.2} |",
            ratios[ratios.len() / 2],
            tn / k * 1e6,
            to / k * 1e6
        );
    }
}
