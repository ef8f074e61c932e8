//! Strings byte by byte, so every stored string a word starts with (or, stored reversed, ends
//! with) is found in one walk along the word.

/// Values by the strings they were stored under.
#[derive(Debug, Clone)]
pub struct Trie<T> {
    /// Node 0 is the root.
    nodes: Vec<Node<T>>,
}

#[derive(Debug, Clone)]
struct Node<T> {
    /// Children by byte, sorted.
    next: Vec<(u8, u32)>,
    /// Values of the string ending here.
    values: Vec<T>,
}

impl<T> Node<T> {
    fn new() -> Node<T> {
        Node {
            next: Vec::new(),
            values: Vec::new(),
        }
    }
}

impl<T> Default for Trie<T> {
    fn default() -> Trie<T> {
        Trie {
            nodes: vec![Node::new()],
        }
    }
}

impl<T: Copy> Trie<T> {
    /// Stores `value` under the string of `bytes`.
    pub fn insert(&mut self, bytes: impl Iterator<Item = u8>, value: T) {
        let mut at = 0;
        for b in bytes {
            at = match self.nodes[at].next.binary_search_by_key(&b, |&(c, _)| c) {
                Ok(i) => self.nodes[at].next[i].1 as usize,
                Err(i) => {
                    let n = self.nodes.len();
                    self.nodes.push(Node::new());
                    self.nodes[at].next.insert(i, (b, n as u32));
                    n
                }
            };
        }
        self.nodes[at].values.push(value);
    }

    /// Adds the values of every stored string that `bytes` begins with.
    pub fn walk(&self, bytes: impl Iterator<Item = u8>, out: &mut Vec<T>) {
        let mut at = 0;
        for b in bytes {
            match self.nodes[at].next.binary_search_by_key(&b, |&(c, _)| c) {
                Ok(i) => at = self.nodes[at].next[i].1 as usize,
                Err(_) => return,
            }
            out.extend_from_slice(&self.nodes[at].values);
        }
    }
}
