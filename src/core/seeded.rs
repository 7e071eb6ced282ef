//! A small seeded generator for the fuzz tests (xorshift64*): the same seed
//! gives the same cases on every machine, so a failure can be replayed, and
//! no crate is downloaded for it.

pub struct Seeded(u64);

impl Seeded {
    pub fn new(seed: u64) -> Seeded {
        // Zero is xorshift's one fixed point.
        Seeded(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn number(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.number() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
