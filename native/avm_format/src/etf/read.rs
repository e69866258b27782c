//! [`Reader`]: the crate's bounds-checked [`Cursor`] with the reads the term format
//! needs, each failing with an [`EtfError`] that says where.

use super::error::{EtfError, EtfErrorKind};
use crate::bytes::Cursor;

/// A cursor over an encoded term whose reads fail with [`EtfErrorKind::Truncated`].
#[derive(Debug, Clone)]
pub(super) struct Reader<'a> {
    cursor: Cursor<'a>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(data: &'a [u8]) -> Self {
        Reader {
            cursor: Cursor::new(data),
        }
    }

    /// Offset of the next byte.
    pub(super) fn pos(&self) -> usize {
        self.cursor.pos()
    }

    pub(super) fn remaining(&self) -> usize {
        self.cursor.remaining()
    }

    /// An error at the current position.
    pub(super) fn error(&self, kind: EtfErrorKind) -> EtfError {
        EtfError::at(self.pos(), kind)
    }

    fn truncated(&self, needed: usize) -> EtfError {
        self.error(EtfErrorKind::Truncated {
            needed,
            available: self.remaining(),
        })
    }

    /// The next byte, not consumed.
    pub(super) fn peek(&self) -> Option<u8> {
        self.cursor.clone().u8()
    }

    /// Everything left, not consumed.
    pub(super) fn rest(&self) -> &'a [u8] {
        self.cursor
            .clone()
            .take(self.remaining())
            .unwrap_or_default()
    }

    pub(super) fn bytes(&mut self, len: usize) -> Result<&'a [u8], EtfError> {
        match self.cursor.take(len) {
            Some(bytes) => Ok(bytes),
            None => Err(self.truncated(len)),
        }
    }

    pub(super) fn array<const N: usize>(&mut self) -> Result<[u8; N], EtfError> {
        let bytes = self.bytes(N)?;
        bytes.try_into().map_err(|_| self.truncated(N))
    }

    pub(super) fn u8(&mut self) -> Result<u8, EtfError> {
        self.cursor.u8().ok_or_else(|| self.truncated(1))
    }

    pub(super) fn u16_be(&mut self) -> Result<u16, EtfError> {
        self.array().map(u16::from_be_bytes)
    }

    pub(super) fn u32_be(&mut self) -> Result<u32, EtfError> {
        self.cursor.u32_be().ok_or_else(|| self.truncated(4))
    }

    pub(super) fn i32_be(&mut self) -> Result<i32, EtfError> {
        self.cursor.i32_be().ok_or_else(|| self.truncated(4))
    }

    pub(super) fn u64_be(&mut self) -> Result<u64, EtfError> {
        self.array().map(u64::from_be_bytes)
    }

    pub(super) fn f64_be(&mut self) -> Result<f64, EtfError> {
        self.array().map(f64::from_be_bytes)
    }

    /// A `u32` length field as a `usize`.
    pub(super) fn len32(&mut self) -> Result<usize, EtfError> {
        self.u32_be()
            .map(|len| usize::try_from(len).unwrap_or(usize::MAX))
    }

    /// Checks that `count` elements, each at least `min_bytes` long, fit in what is
    /// left, before anything is allocated for them; `at` is the offset reported.
    pub(super) fn check_count(
        &self,
        count: u64,
        min_bytes: u64,
        at: usize,
    ) -> Result<usize, EtfError> {
        let available = self.remaining();
        let need = count.saturating_mul(min_bytes);
        match usize::try_from(count) {
            Ok(n) if u64::try_from(available).is_ok_and(|a| need <= a) => Ok(n),
            _ => Err(EtfError::at(
                at,
                EtfErrorKind::TooManyElements { count, available },
            )),
        }
    }
}
