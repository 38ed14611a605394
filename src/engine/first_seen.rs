//! [`FirstSeen`]: where each key was first seen, for the de-duplications
//! and lookups of a walk, a reading and a conversion.
//!
//! A record holds a handful of emails, tags or traced paths: a linear
//! scan over a short list finds them faster than hashing, and allocates
//! once. A list longer than [`SCAN`] moves into a hash map, so a body of
//! 20 000 tags is still de-duplicated in linear time.

use std::collections::HashMap;
use std::hash::Hash;

/// Keys scanned before they move into a hash map.
const SCAN: usize = 16;

/// Each distinct key and the index it was first seen at.
#[derive(Debug)]
pub(crate) struct FirstSeen<K> {
    few: Vec<(K, usize)>,
    many: Option<HashMap<K, usize>>,
}

impl<K: Eq + Hash> FirstSeen<K> {
    /// An empty index; it allocates on its first key.
    pub(crate) fn new() -> Self {
        FirstSeen {
            few: Vec::new(),
            many: None,
        }
    }

    /// The index `key` was first seen at; `index` when it is new (and
    /// then recorded).
    pub(crate) fn first(&mut self, key: K, index: usize) -> usize {
        if let Some(many) = &mut self.many {
            return *many.entry(key).or_insert(index);
        }
        if let Some(&(_, first)) = self.few.iter().find(|(k, _)| *k == key) {
            return first;
        }
        if self.few.len() < SCAN {
            self.few.push((key, index));
        } else {
            let mut many: HashMap<K, usize> = self.few.drain(..).collect();
            many.insert(key, index);
            self.many = Some(many);
        }
        index
    }

    /// The index `key` was first seen at, if it was.
    pub(crate) fn get(&self, key: &K) -> Option<usize> {
        match &self.many {
            Some(many) => many.get(key).copied(),
            None => self.few.iter().find(|(k, _)| k == key).map(|&(_, i)| i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FirstSeen;

    #[test]
    fn the_first_index_wins_below_and_beyond_the_scan() {
        // 5 keys stay in the list; 40 move into the map.
        for keys in [5, 40] {
            let mut seen = FirstSeen::new();
            for i in 0..200 {
                assert_eq!(seen.first(format!("k{}", i % keys), i), i % keys);
            }
            assert_eq!(seen.get(&format!("k{}", keys - 1)), Some(keys - 1));
            assert_eq!(seen.get(&"absent".to_owned()), None);
        }
    }
}
