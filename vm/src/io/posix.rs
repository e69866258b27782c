//! AtomVM's `atomvm:posix_*` functions and `atomvm:subprocess/4`, as its Unix build
//! (`generic_unix`) provides them: descriptors opened non-blocking, results
//! `{ok, _}`/`eof`/`{error, Posix}`, and `posix_select_read/3`/`_write/3`, which send
//! `{select, Fd, Ref, ready_input | ready_output}` once the descriptor is ready (once
//! per call; `posix_select_stop/1` cancels). Descriptors are watched by the same
//! poller as sockets; a descriptor that cannot be polled (a regular file) is always
//! ready.

use super::terms;
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::term::Term;
use nix::fcntl::OFlag;
use nix::sys::stat::Mode;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};

type R = Result<Term, Exception>;

/// An open descriptor.
pub struct PosixFd {
    /// The descriptor.
    pub fd: OwnedFd,
    /// Who waits, with what reference, for input (`true`) or output.
    pub select: Option<(u32, u64, bool)>,
    /// Whether the poller watches it.
    pub registered: bool,
    /// The child whose standard output this is (`subprocess/4`), to reap.
    pub child: Option<std::process::Child>,
}

/// An open directory.
pub struct PosixDir(pub nix::dir::OwningIter);

/// The open flags, by the names AtomVM gives them.
const FLAGS: &[(&str, OFlag)] = &[
    ("o_rdonly", OFlag::O_RDONLY),
    ("o_wronly", OFlag::O_WRONLY),
    ("o_rdwr", OFlag::O_RDWR),
    ("o_append", OFlag::O_APPEND),
    ("o_cloexec", OFlag::O_CLOEXEC),
    ("o_creat", OFlag::O_CREAT),
    ("o_directory", OFlag::O_DIRECTORY),
    ("o_dsync", OFlag::O_DSYNC),
    ("o_excl", OFlag::O_EXCL),
    ("o_noctty", OFlag::O_NOCTTY),
    ("o_nofollow", OFlag::O_NOFOLLOW),
    ("o_rsync", OFlag::O_RSYNC),
    ("o_sync", OFlag::O_SYNC),
    ("o_trunc", OFlag::O_TRUNC),
];

fn errno(ctx: &mut Context<'_>, e: nix::errno::Errno) -> Term {
    terms::error(ctx, &super::errno::code_name(e as i32))
}

fn ok_or(ctx: &mut Context<'_>, r: nix::Result<()>) -> R {
    match r {
        Ok(()) => Ok(atoms::ok),
        Err(e) => Ok(errno(ctx, e)),
    }
}

fn path(ctx: &Context<'_>, t: Term) -> Result<std::path::PathBuf, Exception> {
    let bytes = super::file::names::name_text(ctx, t).ok_or_else(Exception::badarg)?;
    Ok(std::path::PathBuf::from(
        <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(&bytes),
    ))
}

pub(super) fn fd_id(ctx: &Context<'_>, t: Term) -> Result<u64, Exception> {
    terms::ref_id(ctx, t)
        .filter(|id| ctx.vm.io.posix.contains_key(id))
        .ok_or_else(Exception::badarg)
}

fn fd<'a>(ctx: &'a Context<'_>, t: Term) -> Result<&'a PosixFd, Exception> {
    let id = fd_id(ctx, t)?;
    ctx.vm.io.posix.get(&id).ok_or_else(Exception::badarg)
}

fn non_negative(ctx: &Context<'_>, t: Term) -> Result<u64, Exception> {
    u64::try_from(terms::int(ctx, t)?).map_err(|_| Exception::badarg())
}

pub(super) fn adopt(
    ctx: &mut Context<'_>,
    fd: OwnedFd,
    child: Option<std::process::Child>,
) -> Term {
    let id = ctx.vm.fresh_id();
    ctx.vm.io.posix.insert(
        id,
        PosixFd {
            fd,
            select: None,
            registered: false,
            child,
        },
    );
    ctx.heap().reference(id)
}

/// `atomvm:posix_open/2,3`.
pub fn open(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    let names = ctx
        .mem()
        .list_elements(args[1])
        .ok_or_else(Exception::badarg)?;
    let mut flags = OFlag::O_NONBLOCK;
    for n in names {
        let name = n.as_atom().map(|a| ctx.vm.atoms.name(a).to_owned());
        let flag = FLAGS
            .iter()
            .find(|(f, _)| Some(*f) == name.as_deref())
            .ok_or_else(Exception::badarg)?;
        flags |= flag.1;
    }
    let mode = match args.get(2) {
        Some(m) => Mode::from_bits_truncate(non_negative(ctx, *m)? as nix::libc::mode_t),
        None => Mode::empty(),
    };
    match nix::fcntl::open(&p, flags, mode) {
        Ok(fd) => {
            let r = adopt(ctx, fd, None);
            Ok(terms::tagged(ctx, "ok", r))
        }
        Err(e) => Ok(errno(ctx, e)),
    }
}

/// `atomvm:posix_close/1`.
pub fn close(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = fd_id(ctx, args[0])?;
    if let Some(mut f) = ctx.vm.io.posix.remove(&id) {
        deregister(ctx, &f);
        if let Some(child) = f.child.as_mut() {
            let _ = child.try_wait();
        }
    }
    Ok(atoms::ok)
}

pub(super) fn deregister(ctx: &mut Context<'_>, f: &PosixFd) {
    if f.registered {
        ctx.vm.io.unwatch(f.fd.as_raw_fd());
    }
}

fn read_result(ctx: &mut Context<'_>, r: nix::Result<Vec<u8>>) -> R {
    match r {
        Ok(b) if b.is_empty() => Ok(ctx.atom("eof")),
        Ok(b) => {
            let bin = ctx.heap().binary(&b);
            Ok(terms::tagged(ctx, "ok", bin))
        }
        Err(e) => Ok(errno(ctx, e)),
    }
}

/// `atomvm:posix_read/2`.
pub fn read(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let count = non_negative(ctx, args[1])? as usize;
    let f = fd(ctx, args[0])?;
    let mut buf = vec![0u8; count];
    let r = nix::unistd::read(f.fd.as_fd(), &mut buf).map(|n| {
        buf.truncate(n);
        buf
    });
    read_result(ctx, r)
}

/// `atomvm:posix_pread/3`.
pub fn pread(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let count = non_negative(ctx, args[1])? as usize;
    let offset = non_negative(ctx, args[2])?;
    let f = fd(ctx, args[0])?;
    let mut buf = vec![0u8; count];
    let r = nix::sys::uio::pread(f.fd.as_fd(), &mut buf, offset as i64).map(|n| {
        buf.truncate(n);
        buf
    });
    read_result(ctx, r)
}

fn written(ctx: &mut Context<'_>, r: nix::Result<usize>) -> R {
    match r {
        Ok(n) => Ok(terms::tagged(ctx, "ok", terms::small(n as i64))),
        Err(e) => Ok(errno(ctx, e)),
    }
}

/// `atomvm:posix_write/2`.
pub fn write(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let data = terms::bytes(ctx, args[1])?;
    let f = fd(ctx, args[0])?;
    let r = nix::unistd::write(&f.fd, &data);
    written(ctx, r)
}

/// `atomvm:posix_pwrite/3`.
pub fn pwrite(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let data = terms::bytes(ctx, args[1])?;
    let offset = non_negative(ctx, args[2])?;
    let f = fd(ctx, args[0])?;
    let r = nix::sys::uio::pwrite(f.fd.as_fd(), &data, offset as i64);
    written(ctx, r)
}

/// `atomvm:posix_seek/3`.
pub fn seek(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let offset = terms::int(ctx, args[1])?;
    let whence = match args[2].as_atom().map(|a| ctx.vm.atoms.name(a)) {
        Some("seek_set") => nix::unistd::Whence::SeekSet,
        Some("seek_cur") => nix::unistd::Whence::SeekCur,
        Some("seek_end") => nix::unistd::Whence::SeekEnd,
        _ => return Err(Exception::badarg()),
    };
    let f = fd(ctx, args[0])?;
    match nix::unistd::lseek(&f.fd, offset, whence) {
        Ok(at) => Ok(terms::tagged(ctx, "ok", terms::small(at))),
        Err(e) => Ok(errno(ctx, e)),
    }
}

/// `atomvm:posix_fsync/1`.
pub fn fsync(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let f = fd(ctx, args[0])?;
    let r = nix::unistd::fsync(&f.fd);
    ok_or(ctx, r)
}

/// `atomvm:posix_ftruncate/2`.
pub fn ftruncate(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let len = non_negative(ctx, args[1])?;
    let f = fd(ctx, args[0])?;
    let r = nix::unistd::ftruncate(&f.fd, len as i64);
    ok_or(ctx, r)
}

/// `atomvm:posix_mkfifo/2`.
pub fn mkfifo(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    let mode = Mode::from_bits_truncate(non_negative(ctx, args[1])? as nix::libc::mode_t);
    ok_or(ctx, nix::unistd::mkfifo(&p, mode))
}

/// `atomvm:posix_mkdir/2`.
pub fn mkdir(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    let mode = Mode::from_bits_truncate(non_negative(ctx, args[1])? as nix::libc::mode_t);
    ok_or(ctx, nix::unistd::mkdir(&p, mode))
}

/// `atomvm:posix_rmdir/1`.
pub fn rmdir(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    ok_or(ctx, std::fs::remove_dir(&p).map_err(to_errno))
}

/// `atomvm:posix_unlink/1`.
pub fn unlink(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    ok_or(ctx, nix::unistd::unlink(&p))
}

/// `atomvm:posix_rename/2`.
pub fn rename(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let (from, to) = (path(ctx, args[0])?, path(ctx, args[1])?);
    ok_or(ctx, std::fs::rename(from, to).map_err(to_errno))
}

fn to_errno(e: std::io::Error) -> nix::errno::Errno {
    nix::errno::Errno::from_raw(e.raw_os_error().unwrap_or(nix::libc::EIO))
}

fn stat_map(ctx: &mut Context<'_>, s: &nix::sys::stat::FileStat) -> Term {
    let fields: [(&str, i64); 10] = [
        ("st_dev", s.st_dev as i64),
        ("st_ino", s.st_ino as i64),
        ("st_mode", i64::from(s.st_mode)),
        ("st_nlink", s.st_nlink as i64),
        ("st_uid", i64::from(s.st_uid)),
        ("st_gid", i64::from(s.st_gid)),
        ("st_size", s.st_size),
        ("st_atime_s", s.st_atime),
        ("st_mtime_s", s.st_mtime),
        ("st_ctime_s", s.st_ctime),
    ];
    let pairs: Vec<(&str, Term)> = fields
        .iter()
        .map(|(k, v)| (*k, ctx.heap().int(*v)))
        .collect();
    terms::atom_map(ctx, &pairs)
}

/// `atomvm:posix_stat/1`.
pub fn stat(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    match nix::sys::stat::stat(&p) {
        Ok(s) => {
            let m = stat_map(ctx, &s);
            Ok(terms::tagged(ctx, "ok", m))
        }
        Err(e) => Ok(errno(ctx, e)),
    }
}

/// `atomvm:posix_fstat/1`.
pub fn fstat(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let f = fd(ctx, args[0])?;
    match nix::sys::stat::fstat(&f.fd) {
        Ok(s) => {
            let m = stat_map(ctx, &s);
            Ok(terms::tagged(ctx, "ok", m))
        }
        Err(e) => Ok(errno(ctx, e)),
    }
}

/// `atomvm:posix_opendir/1`.
pub fn opendir(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let p = path(ctx, args[0])?;
    match nix::dir::Dir::open(&p, OFlag::O_RDONLY | OFlag::O_DIRECTORY, Mode::empty()) {
        Ok(d) => {
            let id = ctx.vm.fresh_id();
            ctx.vm.io.dirs.insert(id, PosixDir(d.into_iter()));
            let r = ctx.heap().reference(id);
            Ok(terms::tagged(ctx, "ok", r))
        }
        Err(e) => Ok(errno(ctx, e)),
    }
}

fn dir_id(ctx: &Context<'_>, t: Term) -> Result<u64, Exception> {
    terms::ref_id(ctx, t)
        .filter(|id| ctx.vm.io.dirs.contains_key(id))
        .ok_or_else(Exception::badarg)
}

/// `atomvm:posix_readdir/1`: `{ok, {dirent, Inode, Name}}` or `eof`.
pub fn readdir(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = dir_id(ctx, args[0])?;
    let next = ctx.vm.io.dirs.get_mut(&id).and_then(|d| d.0.next());
    match next {
        None => Ok(ctx.atom("eof")),
        Some(Err(e)) => Ok(errno(ctx, e)),
        Some(Ok(entry)) => {
            let tag = ctx.atom("dirent");
            let ino = ctx.heap().int(entry.ino() as i64);
            let name = ctx.heap().binary(entry.file_name().to_bytes());
            let t = ctx.heap().tuple(&[tag, ino, name]);
            Ok(terms::tagged(ctx, "ok", t))
        }
    }
}

/// `atomvm:posix_closedir/1`.
pub fn closedir(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = dir_id(ctx, args[0])?;
    ctx.vm.io.dirs.remove(&id);
    Ok(atoms::ok)
}

/// `atomvm:posix_select_read/3`.
pub fn select_read(ctx: &mut Context<'_>, args: &[Term]) -> R {
    select(ctx, args, true)
}

/// `atomvm:posix_select_write/3`.
pub fn select_write(ctx: &mut Context<'_>, args: &[Term]) -> R {
    select(ctx, args, false)
}

fn select(ctx: &mut Context<'_>, args: &[Term], input: bool) -> R {
    let id = fd_id(ctx, args[0])?;
    let pid = args[1].as_pid().ok_or_else(Exception::badarg)?;
    let reference = terms::ref_id(ctx, args[2]).ok_or_else(Exception::badarg)?;
    watch(ctx, id, pid, reference, input)
}

/// Has `{select, Fd, Ref, ready_input | ready_output}` sent to `pid` once descriptor
/// `id` is ready for input (`input`) or output: at once when it already is.
pub(super) fn watch(ctx: &mut Context<'_>, id: u64, pid: u32, reference: u64, input: bool) -> R {
    if !ctx.vm.io.posix.get(&id).is_some_and(|f| f.registered) {
        let raw = ctx.vm.io.posix.get(&id).map(|f| f.fd.as_raw_fd());
        let registered = ctx.vm.io.registry().is_ok_and(|r| {
            raw.is_some_and(|raw| {
                let both = mio::Interest::READABLE | mio::Interest::WRITABLE;
                r.register(
                    &mut mio::unix::SourceFd(&raw),
                    mio::Token(id as usize),
                    both,
                )
                .is_ok()
            })
        });
        if let Some(f) = ctx.vm.io.posix.get_mut(&id) {
            f.registered = registered;
        }
    }
    let Some(f) = ctx.vm.io.posix.get_mut(&id) else {
        return Err(Exception::badarg());
    };
    f.select = Some((pid, reference, input));
    // Ready now (or never pollable, as a regular file): say so at once; else the
    // poller's next edge does.
    let ready_now = !f.registered || {
        let events = if input {
            nix::poll::PollFlags::POLLIN
        } else {
            nix::poll::PollFlags::POLLOUT
        };
        let mut fds = [nix::poll::PollFd::new(f.fd.as_fd(), events)];
        nix::poll::poll(&mut fds, nix::poll::PollTimeout::ZERO).is_ok_and(|n| n > 0)
    };
    if ready_now {
        let mut notes = Vec::new();
        ctx.vm.io.posix_ready(id, input, !input, &mut notes);
        for n in notes {
            ctx.vm.deliver(n.pid, n.message, &n.heap);
        }
    }
    Ok(atoms::ok)
}

/// `atomvm:posix_select_stop/1`.
pub fn select_stop(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let id = fd_id(ctx, args[0])?;
    if let Some(f) = ctx.vm.io.posix.get_mut(&id) {
        f.select = None;
    }
    Ok(atoms::ok)
}

/// `atomvm:subprocess(Path, Args, Env, [stdout])`: `{ok, OsPid, StdoutFd}`.
pub fn subprocess(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let program = path(ctx, args[0])?;
    let argv = ctx
        .mem()
        .list_elements(args[1])
        .ok_or_else(Exception::badarg)?;
    let argv: Vec<Vec<u8>> = argv
        .iter()
        .map(|a| super::file::names::name_text(ctx, *a).ok_or_else(Exception::badarg))
        .collect::<Result<_, _>>()?;
    let env: Option<Vec<Vec<u8>>> = if args[2] == atoms::undefined {
        None
    } else {
        let items = ctx
            .mem()
            .list_elements(args[2])
            .ok_or_else(Exception::badarg)?;
        Some(
            items
                .iter()
                .map(|e| super::file::names::name_text(ctx, *e).ok_or_else(Exception::badarg))
                .collect::<Result<_, _>>()?,
        )
    };
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(&program);
    if let Some((first, rest)) = argv.split_first() {
        cmd.arg0(std::ffi::OsStr::from_bytes(first));
        cmd.args(rest.iter().map(|a| std::ffi::OsStr::from_bytes(a)));
    }
    if let Some(env) = env {
        cmd.env_clear();
        for kv in env {
            let mut parts = kv.splitn(2, |b| *b == b'=');
            let key = parts.next().unwrap_or_default();
            let value = parts.next().unwrap_or_default();
            cmd.env(
                std::ffi::OsStr::from_bytes(key),
                std::ffi::OsStr::from_bytes(value),
            );
        }
    }
    cmd.stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped());
    match cmd.spawn() {
        Ok(mut child) => {
            let Some(stdout) = child.stdout.take() else {
                return Ok(terms::error(ctx, "eio"));
            };
            let os_pid = i64::from(child.id());
            let fd = OwnedFd::from(stdout);
            let r = adopt(ctx, fd, Some(child));
            let ok = ctx.atom("ok");
            Ok(ctx.heap().tuple(&[ok, terms::small(os_pid), r]))
        }
        Err(e) => Ok(terms::os_error(ctx, &e)),
    }
}
