//! `#file_info{}` from the host's `stat(2)`, times in POSIX seconds (as
//! `prim_file:read_info_nif/2` returns them; `prim_file` converts them).

use crate::interp::Context;
use crate::io::terms;
use crate::term::Term;
use std::os::unix::fs::{FileTypeExt, MetadataExt};

/// `{file_info, Size, Type, Access, Atime, Mtime, Ctime, Mode, Links, MajorDevice,
/// MinorDevice, Inode, Uid, Gid}`.
pub fn record(ctx: &mut Context<'_>, m: &std::fs::Metadata) -> Term {
    let ft = m.file_type();
    let kind = if ft.is_dir() {
        "directory"
    } else if ft.is_file() {
        "regular"
    } else if ft.is_symlink() {
        "symlink"
    } else if ft.is_block_device() || ft.is_char_device() {
        "device"
    } else {
        "other"
    };
    let mode = m.mode();
    let access = match (mode & 0o400 != 0, mode & 0o200 != 0) {
        (true, true) => "read_write",
        (true, false) => "read",
        (false, true) => "write",
        (false, false) => "none",
    };
    let tag = ctx.atom("file_info");
    let kind = ctx.atom(kind);
    let access = ctx.atom(access);
    let fields = [
        tag,
        ctx.heap().int(m.size() as i64),
        kind,
        access,
        ctx.heap().int(m.atime()),
        ctx.heap().int(m.mtime()),
        ctx.heap().int(m.ctime()),
        terms::small(i64::from(mode)),
        ctx.heap().int(m.nlink() as i64),
        ctx.heap().int(m.dev() as i64),
        ctx.heap().int(m.rdev() as i64),
        ctx.heap().int(m.ino() as i64),
        terms::small(i64::from(m.uid())),
        terms::small(i64::from(m.gid())),
    ];
    ctx.heap().tuple(&fields)
}
