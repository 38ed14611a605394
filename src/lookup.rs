//! Finding an item again by its key, for the de-duplications and lookups
//! of a walk, a reading and a conversion: [`FirstSeen`] (where each key
//! was first seen) and [`ListIndex`] (an index of a list kept elsewhere).
//!
//! A record holds a handful of emails, tags or traced paths: a linear
//! scan over a short list finds them faster than hashing. [`FirstSeen`]
//! keeps that list in place; [`ListIndex`] scans the caller's list. Past
//! [`SCAN`] keys both hash, so a body of 20 000 tags is still
//! de-duplicated in linear time.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

/// Keys scanned before they move into a hash map.
pub(crate) const SCAN: usize = 16;

/// Each distinct key and the index it was first seen at: the first
/// [`SCAN`] keys in place (no allocation), all of them in a hash map
/// beyond.
#[derive(Debug)]
pub(crate) struct FirstSeen<K> {
    few: [Option<(K, usize)>; SCAN],
    len: usize,
    many: Option<HashMap<K, usize>>,
}

impl<K: Eq + Hash> FirstSeen<K> {
    /// An empty index.
    pub(crate) fn new() -> Self {
        FirstSeen {
            few: std::array::from_fn(|_| None),
            len: 0,
            many: None,
        }
    }

    /// The keys kept in place, with their indexes.
    fn scanned(&self) -> impl Iterator<Item = &(K, usize)> {
        self.few[..self.len].iter().flatten()
    }

    /// The index `key` was first seen at; `index` when it is new (and
    /// then recorded).
    pub(crate) fn first(&mut self, key: K, index: usize) -> usize {
        if let Some(many) = &mut self.many {
            return *many.entry(key).or_insert(index);
        }
        if let Some(&(_, first)) = self.scanned().find(|(k, _)| *k == key) {
            return first;
        }
        if let Some(slot) = self.few.get_mut(self.len) {
            *slot = Some((key, index));
            self.len += 1;
        } else {
            let mut many: HashMap<K, usize> =
                self.few.iter_mut().filter_map(Option::take).collect();
            many.insert(key, index);
            self.many = Some(many);
        }
        index
    }

    /// The index `key` was first seen at, if it was.
    pub(crate) fn get(&self, key: &K) -> Option<usize> {
        match &self.many {
            Some(many) => many.get(key).copied(),
            None => self.scanned().find(|(k, _)| k == key).map(|&(_, i)| i),
        }
    }
}

/// An index of a list kept elsewhere (a contact's identifiers, its tags,
/// parsed values): nothing while the list is short (a scan finds an item),
/// a hash map of each key's first position once it is longer than
/// [`SCAN`].
#[derive(Debug)]
pub(crate) struct ListIndex<K>(Option<HashMap<K, usize>>);

impl<K> Default for ListIndex<K> {
    fn default() -> Self {
        ListIndex(None)
    }
}

impl<K: Eq + Hash + Clone> ListIndex<K> {
    /// The index of a short list: none yet.
    pub(crate) fn new() -> Self {
        ListIndex::default()
    }

    /// The position of the first item of `list` whose key is `key`.
    pub(crate) fn find<T, Q>(&self, list: &[T], key: &Q, key_of: impl Fn(&T) -> &Q) -> Option<usize>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        match &self.0 {
            Some(map) => map.get(key).copied(),
            None => list.iter().position(|item| key_of(item) == key),
        }
    }

    /// Records the last item of `list`, just pushed with a key no item
    /// before it has.
    pub(crate) fn pushed<T>(&mut self, list: &[T], key_of: impl Fn(&T) -> &K) {
        match &mut self.0 {
            Some(map) => {
                if let Some(last) = list.last() {
                    map.insert(key_of(last).clone(), list.len() - 1);
                }
            }
            None if list.len() > SCAN => {
                let mut map = HashMap::with_capacity(list.len() * 2);
                for (i, item) in list.iter().enumerate() {
                    map.entry(key_of(item).clone()).or_insert(i);
                }
                self.0 = Some(map);
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{FirstSeen, ListIndex};

    #[test]
    fn the_first_index_wins_below_and_beyond_the_scan() {
        // 5 and 16 keys stay in place; the 17th key and 40 move into the
        // map.
        for keys in [5, 16, 17, 40] {
            let mut seen = FirstSeen::new();
            for i in 0..200 {
                assert_eq!(seen.first(format!("k{}", i % keys), i), i % keys);
            }
            assert_eq!(seen.get(&format!("k{}", keys - 1)), Some(keys - 1));
            assert_eq!(seen.get(&"absent".to_owned()), None);
        }
    }

    #[test]
    fn a_list_is_found_by_a_scan_then_by_its_index() {
        let mut list: Vec<String> = Vec::new();
        let mut index = ListIndex::new();
        for i in 0..40 {
            let key = format!("k{i}");
            assert_eq!(index.find(&list, key.as_str(), String::as_str), None);
            list.push(key);
            index.pushed(&list, |k| k);
            for j in 0..=i {
                let key = format!("k{j}");
                assert_eq!(index.find(&list, key.as_str(), String::as_str), Some(j));
            }
        }
    }
}
