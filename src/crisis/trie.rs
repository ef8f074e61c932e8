//! Strings byte by byte, so every stored string a word starts with (or, stored reversed, ends
//! with) is found in one walk along the word.

/// Values by the strings they were stored under. Built with [`Trie::insert`], then
/// [`Trie::finish`]ed into flat arrays before [`Trie::walk`] (a detector holds thousands of
/// these, most with a handful of strings: a node costs 12 bytes and no allocation of its own).
#[derive(Debug, Clone)]
pub struct Trie<T> {
    /// While building: node 0 is the root (none yet while empty).
    building: Vec<Node<T>>,
    /// Once finished: each node's children are `edges[node.edges..node.edges + node.count]`,
    /// sorted by byte; its values `values[node.values..next node's values]`.
    nodes: Box<[Flat]>,
    edges: Box<[(u8, u32)]>,
    values: Box<[T]>,
}

#[derive(Debug, Clone)]
struct Node<T> {
    /// Children by byte, sorted.
    next: Vec<(u8, u32)>,
    /// Values of the string ending here.
    values: Vec<T>,
}

/// A finished node: where its children and values start.
#[derive(Debug, Clone, Copy)]
struct Flat {
    edges: u32,
    count: u16,
    values: u32,
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
            building: Vec::new(),
            nodes: Box::default(),
            edges: Box::default(),
            values: Box::default(),
        }
    }
}

impl<T: Copy> Trie<T> {
    /// Stores `value` under the string of `bytes`.
    pub fn insert(&mut self, bytes: impl Iterator<Item = u8>, value: T) {
        if self.building.is_empty() {
            self.building.push(Node::new());
        }
        let mut at = 0;
        for b in bytes {
            at = match self.building[at].next.binary_search_by_key(&b, |&(c, _)| c) {
                Ok(i) => self.building[at].next[i].1 as usize,
                Err(i) => {
                    let n = self.building.len();
                    self.building.push(Node::new());
                    self.building[at].next.insert(i, (b, n as u32));
                    n
                }
            };
        }
        self.building[at].values.push(value);
    }

    /// Packs what was stored into flat arrays for [`Trie::walk`]; strings stored after this
    /// are added to what is there.
    pub fn finish(&mut self) {
        if self.building.is_empty() {
            return;
        }
        if !self.nodes.is_empty() {
            // Finished before: what was packed is stored again beside the new strings.
            let old = Trie {
                building: Vec::new(),
                nodes: std::mem::take(&mut self.nodes),
                edges: std::mem::take(&mut self.edges),
                values: std::mem::take(&mut self.values),
            };
            old.unpack(0, &mut Vec::new(), self);
        }
        let building = std::mem::take(&mut self.building);
        let mut nodes = Vec::with_capacity(building.len());
        let mut edges = Vec::with_capacity(building.len());
        let mut values = Vec::new();
        for node in &building {
            nodes.push(Flat {
                edges: edges.len() as u32,
                count: node.next.len() as u16,
                values: values.len() as u32,
            });
            edges.extend_from_slice(&node.next);
            values.extend_from_slice(&node.values);
        }
        nodes.push(Flat {
            edges: edges.len() as u32,
            count: 0,
            values: values.len() as u32,
        });
        self.nodes = nodes.into_boxed_slice();
        self.edges = edges.into_boxed_slice();
        self.values = values.into_boxed_slice();
    }

    /// Adds the values of every stored string that `bytes` begins with.
    pub fn walk(&self, bytes: impl Iterator<Item = u8>, out: &mut Vec<T>) {
        if self.nodes.is_empty() {
            return;
        }
        let mut at = 0usize;
        for b in bytes {
            let node = self.nodes[at];
            let from = node.edges as usize;
            let children = &self.edges[from..from + node.count as usize];
            match children.binary_search_by_key(&b, |&(c, _)| c) {
                Ok(i) => at = children[i].1 as usize,
                Err(_) => return,
            }
            let from = self.nodes[at].values as usize;
            let to = self.nodes[at + 1].values as usize;
            out.extend_from_slice(&self.values[from..to]);
        }
    }

    /// Stores again, in `into`, every string of the finished trie below node `at` (`path` so
    /// far).
    fn unpack(&self, at: usize, path: &mut Vec<u8>, into: &mut Trie<T>) {
        let node = self.nodes[at];
        let from = node.values as usize;
        let to = self.nodes[at + 1].values as usize;
        for &v in &self.values[from..to] {
            into.insert(path.iter().copied(), v);
        }
        let e = node.edges as usize;
        for &(b, child) in &self.edges[e..e + node.count as usize] {
            path.push(b);
            self.unpack(child as usize, path, into);
            path.pop();
        }
    }
}
