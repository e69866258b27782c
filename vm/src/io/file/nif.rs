//! `prim_file`'s NIFs (`open_nif/2`, `read_nif/2`, `read_file_nif/1`, …) on
//! `std::fs`. Paths arrive as the bytes of [`super::names::name2native`].

use super::names::{path, raw};
use super::{info, OpenFile};
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::io::terms;
use crate::term::Term;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{FileExt, OpenOptionsExt, PermissionsExt};

type R = Result<Term, Exception>;

fn ok_or(ctx: &mut Context<'_>, r: std::io::Result<()>) -> R {
    match r {
        Ok(()) => Ok(atoms::ok),
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

fn file_id(ctx: &Context<'_>, t: Term) -> Result<u64, Exception> {
    terms::ref_id(ctx, t)
        .filter(|id| ctx.vm.io.files.contains_key(id))
        .ok_or_else(Exception::badarg)
}

fn open_file<'a>(ctx: &'a mut Context<'_>, t: Term) -> Result<&'a mut OpenFile, Exception> {
    let id = file_id(ctx, t)?;
    ctx.vm.io.files.get_mut(&id).ok_or_else(Exception::badarg)
}

/// `open_nif(Path, Modes)`: `{ok, Ref}` or `{error, Posix}`.
pub fn open(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    let modes = ctx
        .mem()
        .list_elements(args[1])
        .ok_or_else(Exception::badarg)?;
    let names: Vec<String> = modes
        .iter()
        .filter_map(|m| m.as_atom().map(|a| ctx.vm.atoms.name(a).to_owned()))
        .collect();
    let has = |m: &str| names.iter().any(|n| n == m);
    let (read, write, append, exclusive) =
        (has("read"), has("write"), has("append"), has("exclusive"));
    let write = write || append || exclusive;
    let mut o = std::fs::OpenOptions::new();
    o.read(read || !write);
    if write {
        o.write(true);
        if exclusive {
            o.create_new(true);
        } else {
            o.create(true);
        }
        // `write` alone truncates; with `read` or `append` it keeps the contents.
        if !read && !append && !exclusive {
            o.truncate(true);
        }
    }
    if has("sync") {
        o.custom_flags(nix::libc::O_SYNC);
    }
    match o.open(&p) {
        Ok(file) => {
            if !has("directory") && file.metadata().is_ok_and(|m| m.is_dir()) && write {
                return Ok(terms::error(ctx, "eisdir"));
            }
            let id = ctx.vm.fresh_id();
            let owner = ctx.proc.pid;
            ctx.vm.io.files.insert(
                id,
                OpenFile {
                    file,
                    owner,
                    append,
                },
            );
            let r = ctx.heap().reference(id);
            Ok(terms::tagged(ctx, "ok", r))
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `close_nif(Ref)`.
pub fn close(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = file_id(ctx, args[0])?;
    ctx.vm.io.files.remove(&id);
    Ok(atoms::ok)
}

/// `delayed_close_nif(Ref)`: the same here.
pub fn delayed_close(ctx: &mut Context<'_>, args: &[Term]) -> R {
    close(ctx, args)
}

fn size_arg(ctx: &Context<'_>, t: Term) -> Result<usize, Exception> {
    usize::try_from(terms::int(ctx, t)?).map_err(|_| Exception::badarg())
}

fn read_result(ctx: &mut Context<'_>, r: std::io::Result<Vec<u8>>) -> R {
    match r {
        Ok(bytes) if bytes.is_empty() => Ok(ctx.atom("eof")),
        Ok(bytes) => {
            let bin = ctx.heap().binary(&bytes);
            Ok(terms::tagged(ctx, "ok", bin))
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `read_nif(Ref, Size)`: `{ok, Bin}`, `eof` or an error.
pub fn read(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let size = size_arg(ctx, args[1])?;
    let f = open_file(ctx, args[0])?;
    let mut buf = Vec::with_capacity(size.min(1 << 20));
    let r = (&f.file)
        .take(size as u64)
        .read_to_end(&mut buf)
        .map(|_| buf);
    read_result(ctx, r)
}

/// `pread_nif(Ref, Offset, Size)`.
pub fn pread(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let offset = terms::int(ctx, args[1])?;
    let size = size_arg(ctx, args[2])?;
    let Ok(offset) = u64::try_from(offset) else {
        return Ok(terms::error(ctx, "einval"));
    };
    let f = open_file(ctx, args[0])?;
    let mut buf = vec![0u8; size];
    let mut got = 0;
    let r = loop {
        match f.file.read_at(&mut buf[got..], offset + got as u64) {
            Ok(0) => break Ok(()),
            Ok(n) => {
                got += n;
                if got == size {
                    break Ok(());
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => break Err(e),
        }
    };
    buf.truncate(got);
    read_result(ctx, r.map(|()| buf))
}

/// `write_nif(Ref, IOVec)`: `ok` or an error (every byte is written).
pub fn write(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let bytes = crate::bif::convert::iolist_bytes(ctx, args[1]).ok_or_else(Exception::badarg)?;
    let f = open_file(ctx, args[0])?;
    let r = if f.append {
        (&f.file)
            .seek(SeekFrom::End(0))
            .and_then(|_| (&f.file).write_all(&bytes))
    } else {
        (&f.file).write_all(&bytes)
    };
    ok_or(ctx, r)
}

/// `pwrite_nif(Ref, Offset, IOVec)`.
pub fn pwrite(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let offset = terms::int(ctx, args[1])?;
    let bytes = crate::bif::convert::iolist_bytes(ctx, args[2]).ok_or_else(Exception::badarg)?;
    let Ok(offset) = u64::try_from(offset) else {
        return Ok(terms::error(ctx, "einval"));
    };
    let f = open_file(ctx, args[0])?;
    let r = f.file.write_all_at(&bytes, offset);
    ok_or(ctx, r)
}

/// `seek_nif(Ref, Mark, Offset)`: `{ok, Position}` or `{error, einval}`.
pub fn seek(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let mark = args[1].as_atom().map(|a| ctx.vm.atoms.name(a).to_owned());
    let offset = terms::int(ctx, args[2])?;
    let to = match mark.as_deref() {
        Some("bof") => match u64::try_from(offset) {
            Ok(o) => SeekFrom::Start(o),
            Err(_) => return Ok(terms::error(ctx, "einval")),
        },
        Some("cur") => SeekFrom::Current(offset),
        Some("eof") => SeekFrom::End(offset),
        _ => return Err(Exception::badarg()),
    };
    let f = open_file(ctx, args[0])?;
    match (&f.file).seek(to) {
        Ok(at) => {
            let at = ctx.heap().int(at as i64);
            Ok(terms::tagged(ctx, "ok", at))
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `sync_nif(Ref, DataOnly)`.
pub fn sync(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let data_only = terms::int(ctx, args[1])? != 0;
    let f = open_file(ctx, args[0])?;
    let r = if data_only {
        f.file.sync_data()
    } else {
        f.file.sync_all()
    };
    ok_or(ctx, r)
}

/// `truncate_nif(Ref)`: at the current position.
pub fn truncate(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let f = open_file(ctx, args[0])?;
    let r = (&f.file)
        .stream_position()
        .and_then(|at| f.file.set_len(at));
    ok_or(ctx, r)
}

/// `advise_nif/4` and `allocate_nif/3`: accepted.
pub fn accept(ctx: &mut Context<'_>, args: &[Term]) -> R {
    open_file(ctx, args[0])?;
    Ok(atoms::ok)
}

/// `read_handle_info_nif(Ref)`.
pub fn read_handle_info(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let f = open_file(ctx, args[0])?;
    match f.file.metadata() {
        Ok(m) => Ok(info::record(ctx, &m)),
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `read_info_nif(Path, FollowLinks)`: a `#file_info{}` or an error.
pub fn read_info(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    let follow = terms::int(ctx, args[1])? != 0;
    let m = if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    };
    match m {
        Ok(m) => Ok(info::record(ctx, &m)),
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `read_file_nif(Path)`.
pub fn read_file(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    if std::fs::metadata(&p).is_ok_and(|m| m.is_dir()) {
        return Ok(terms::error(ctx, "eisdir"));
    }
    match std::fs::read(&p) {
        Ok(bytes) => {
            let bin = ctx.heap().binary(&bytes);
            Ok(terms::tagged(ctx, "ok", bin))
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `list_dir_nif(Path)`: `{ok, [RawName]}`, last read first (as OTP's NIF
/// builds it; `prim_file` reverses it back into directory order).
pub fn list_dir(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    let entries = std::fs::read_dir(&p).and_then(|d| {
        d.map(|e| e.map(|e| std::path::PathBuf::from(e.file_name())))
            .collect::<std::io::Result<Vec<_>>>()
    });
    match entries {
        Ok(names) => {
            let names: Vec<Term> = names.iter().rev().map(|n| raw(ctx, n)).collect();
            let list = ctx.heap().list(&names);
            Ok(terms::tagged(ctx, "ok", list))
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `make_dir_nif(Path)`.
pub fn make_dir(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    ok_or(ctx, std::fs::create_dir(p))
}

/// `del_dir_nif(Path)`. A directory that is not empty is `eexist`, as OTP's
/// `efile` reports `ENOTEMPTY`.
pub fn del_dir(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    match std::fs::remove_dir(p) {
        Err(e) if e.raw_os_error() == Some(nix::errno::Errno::ENOTEMPTY as i32) => {
            Ok(terms::error(ctx, "eexist"))
        }
        r => ok_or(ctx, r),
    }
}

/// `del_file_nif(Path)`.
pub fn del_file(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    ok_or(ctx, std::fs::remove_file(p))
}

/// `rename_nif(From, To)`.
pub fn rename(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let (from, to) = (path(ctx, args[0])?, path(ctx, args[1])?);
    ok_or(ctx, std::fs::rename(from, to))
}

/// `make_hard_link_nif(Existing, New)`.
pub fn make_hard_link(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let (from, to) = (path(ctx, args[0])?, path(ctx, args[1])?);
    ok_or(ctx, std::fs::hard_link(from, to))
}

/// `make_soft_link_nif(Existing, New)`.
pub fn make_soft_link(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let (from, to) = (path(ctx, args[0])?, path(ctx, args[1])?);
    ok_or(ctx, std::os::unix::fs::symlink(from, to))
}

/// `read_link_nif(Path)`: `{ok, RawName}`.
pub fn read_link(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    match std::fs::read_link(&p) {
        Ok(target) => {
            let t = raw(ctx, &target);
            Ok(terms::tagged(ctx, "ok", t))
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `get_cwd_nif()`: `{ok, RawPath}`.
pub fn get_cwd(ctx: &mut Context<'_>, _: &[Term]) -> R {
    match std::env::current_dir() {
        Ok(d) => {
            let t = raw(ctx, &d);
            Ok(terms::tagged(ctx, "ok", t))
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}

/// `get_device_cwd_nif(Drive)`: Windows only.
pub fn get_device_cwd(ctx: &mut Context<'_>, _: &[Term]) -> R {
    Ok(terms::error(ctx, "enotsup"))
}

/// `set_cwd_nif(Path)`.
pub fn set_cwd(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    ok_or(ctx, std::env::set_current_dir(p))
}

/// `set_permissions_nif(Path, Mode)`.
pub fn set_permissions(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    let mode = u32::try_from(terms::int(ctx, args[1])?).map_err(|_| Exception::badarg())?;
    ok_or(
        ctx,
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)),
    )
}

/// `set_owner_nif(Path, Uid, Gid)` (`-1`: unchanged).
pub fn set_owner(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    let id = |t: Term| terms::int(ctx, t).map(|v| u32::try_from(v).ok());
    let (uid, gid) = (id(args[1])?, id(args[2])?);
    ok_or(ctx, std::os::unix::fs::chown(p, uid, gid))
}

/// `set_time_nif(Path, Atime, Mtime, Ctime)` (POSIX seconds; ctime cannot be set).
pub fn set_time(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    let at = |t: Term| -> Result<std::time::SystemTime, Exception> {
        let secs = terms::int(ctx, t)?;
        let d = std::time::Duration::from_secs(secs.unsigned_abs());
        Ok(if secs >= 0 {
            std::time::UNIX_EPOCH + d
        } else {
            std::time::UNIX_EPOCH - d
        })
    };
    let (atime, mtime) = (at(args[1])?, at(args[2])?);
    let r = std::fs::File::options()
        .write(true)
        .open(&p)
        .or_else(|_| std::fs::File::open(&p))
        .and_then(|f| {
            f.set_times(
                std::fs::FileTimes::new()
                    .set_accessed(atime)
                    .set_modified(mtime),
            )
        });
    ok_or(ctx, r)
}

/// NIFs this VM does not provide (`altname_nif`, `file_desc_to_ref_nif`,
/// `get_handle_nif`, `ipread_s32bu_p32bu_nif`): `{error, enotsup}`.
pub fn enotsup(ctx: &mut Context<'_>, _: &[Term]) -> R {
    Ok(terms::error(ctx, "enotsup"))
}
