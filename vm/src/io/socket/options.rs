//! Socket options: one table of the options the VM supports, with the numbers
//! Linux gives them (what `prim_socket` learns from `nif_supports(options)` and
//! passes back to `nif_setopt`/`nif_getopt`), and how each is set and read.

use socket2::Socket;
use std::io;
use std::net::Ipv4Addr;
use std::time::Duration;

/// An option level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// `socket` (`SOL_SOCKET`), named by the atom.
    Socket,
    /// `ip` (protocol 0).
    Ip,
    /// `ipv6` (protocol 41).
    Ipv6,
    /// `tcp` (protocol 6).
    Tcp,
    /// `udp` (protocol 17).
    Udp,
}

impl Level {
    /// The protocol number naming the level; `None` for `socket`.
    pub fn number(self) -> Option<i64> {
        match self {
            Level::Socket => None,
            Level::Ip => Some(0),
            Level::Ipv6 => Some(41),
            Level::Tcp => Some(6),
            Level::Udp => Some(17),
        }
    }

    /// Its name (`socket`, `ip`, …).
    pub fn name(self) -> &'static str {
        match self {
            Level::Socket => "socket",
            Level::Ip => "ip",
            Level::Ipv6 => "ipv6",
            Level::Tcp => "tcp",
            Level::Udp => "udp",
        }
    }

    /// The level a number (or `None`: the `socket` atom) names.
    pub fn from_number(n: Option<i64>) -> Option<Level> {
        [
            Level::Socket,
            Level::Ip,
            Level::Ipv6,
            Level::Tcp,
            Level::Udp,
        ]
        .into_iter()
        .find(|l| l.number() == n)
    }
}

/// The kind of value an option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `true`/`false`.
    Bool,
    /// An integer.
    Int,
    /// `#{onoff => boolean(), linger => Seconds}`.
    Linger,
    /// Read only: an atom (`domain`, `type`), a protocol number, or a POSIX error.
    Info,
    /// `#{multiaddr => Addr, interface => Addr | any}` (write only).
    Membership,
}

/// One supported option.
#[derive(Debug, Clone, Copy)]
pub struct SockOpt {
    /// Level.
    pub level: Level,
    /// Name, as `socket:setopt/3` spells it.
    pub name: &'static str,
    /// The option's number at its level (Linux).
    pub number: i64,
    /// Its value.
    pub kind: Kind,
}

macro_rules! options {
    ($($level:ident $name:literal $number:literal $kind:ident;)*) => {
        /// Every option the VM supports.
        pub const OPTIONS: &[SockOpt] = &[
            $(SockOpt { level: Level::$level, name: $name, number: $number, kind: Kind::$kind },)*
        ];
    };
}

options! {
    Socket "acceptconn" 30 Info;
    Socket "broadcast" 6 Bool;
    Socket "domain" 39 Info;
    Socket "error" 4 Info;
    Socket "keepalive" 9 Bool;
    Socket "linger" 13 Linger;
    Socket "oobinline" 10 Bool;
    Socket "priority" 12 Int;
    Socket "protocol" 38 Info;
    Socket "rcvbuf" 8 Int;
    Socket "reuseaddr" 2 Bool;
    Socket "reuseport" 15 Bool;
    Socket "sndbuf" 7 Int;
    Socket "type" 3 Info;
    Ip "add_membership" 35 Membership;
    Ip "drop_membership" 36 Membership;
    Ip "multicast_loop" 34 Bool;
    Ip "multicast_ttl" 33 Int;
    Ip "recvtos" 13 Bool;
    Ip "tos" 1 Int;
    Ip "ttl" 2 Int;
    Ipv6 "multicast_hops" 18 Int;
    Ipv6 "multicast_loop" 19 Bool;
    Ipv6 "unicast_hops" 16 Int;
    Ipv6 "v6only" 26 Bool;
    Tcp "cork" 3 Bool;
    Tcp "keepcnt" 6 Int;
    Tcp "keepidle" 4 Int;
    Tcp "keepintvl" 5 Int;
    Tcp "maxseg" 2 Int;
    Tcp "nodelay" 1 Bool;
}

/// Names of options `socket` knows but this VM does not set (reported as
/// unsupported by `nif_supports(options)`).
pub const UNSUPPORTED: &[(Level, &str)] = &[
    (Level::Socket, "bindtodevice"),
    (Level::Socket, "debug"),
    (Level::Socket, "dontroute"),
    (Level::Socket, "peek_off"),
    (Level::Socket, "rcvlowat"),
    (Level::Socket, "rcvtimeo"),
    (Level::Socket, "sndlowat"),
    (Level::Socket, "sndtimeo"),
    (Level::Socket, "timestamp"),
    (Level::Ip, "pktinfo"),
    (Level::Ip, "recvttl"),
    (Level::Ipv6, "recvpktinfo"),
    (Level::Udp, "cork"),
];

/// The option with this level and number.
pub fn find(level: Level, number: i64) -> Option<&'static SockOpt> {
    OPTIONS
        .iter()
        .find(|o| o.level == level && o.number == number)
}

/// A decoded option value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Boolean.
    Bool(bool),
    /// Integer.
    Int(i64),
    /// Linger: `None` is off; `Some(secs)` on.
    Linger(Option<u32>),
    /// An atom's text (for `domain`, `type`, an error name).
    Atom(String),
    /// A group and the interface to join it on.
    Membership(Ipv4Addr, Ipv4Addr),
}

fn int(v: &Value) -> io::Result<u32> {
    match v {
        Value::Int(n) => u32::try_from(*n).map_err(|_| invalid()),
        _ => Err(invalid()),
    }
}

fn boolean(v: &Value) -> io::Result<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(invalid()),
    }
}

fn invalid() -> io::Error {
    io::Error::from_raw_os_error(nix::errno::Errno::EINVAL as i32)
}

fn unsupported() -> io::Error {
    io::Error::from_raw_os_error(nix::errno::Errno::ENOPROTOOPT as i32)
}

/// Sets `opt` on `s`. A value of the wrong kind is `EINVAL` (the caller reports it
/// as an invalid value).
pub fn set(s: &Socket, opt: &SockOpt, v: &Value) -> io::Result<()> {
    match (opt.level, opt.name) {
        (Level::Socket, "broadcast") => s.set_broadcast(boolean(v)?),
        (Level::Socket, "keepalive") => s.set_keepalive(boolean(v)?),
        (Level::Socket, "linger") => match v {
            Value::Linger(l) => s.set_linger(l.map(|secs| Duration::from_secs(u64::from(secs)))),
            _ => Err(invalid()),
        },
        (Level::Socket, "oobinline") => s.set_out_of_band_inline(boolean(v)?),
        (Level::Socket, "priority") => s.set_priority(int(v)?),
        (Level::Socket, "rcvbuf") => s.set_recv_buffer_size(int(v)? as usize),
        (Level::Socket, "reuseaddr") => s.set_reuse_address(boolean(v)?),
        (Level::Socket, "reuseport") => s.set_reuse_port(boolean(v)?),
        (Level::Socket, "sndbuf") => s.set_send_buffer_size(int(v)? as usize),
        (Level::Ip, "add_membership") => match v {
            Value::Membership(group, interface) => s.join_multicast_v4(group, interface),
            _ => Err(invalid()),
        },
        (Level::Ip, "drop_membership") => match v {
            Value::Membership(group, interface) => s.leave_multicast_v4(group, interface),
            _ => Err(invalid()),
        },
        (Level::Ip, "multicast_loop") => s.set_multicast_loop_v4(boolean(v)?),
        (Level::Ip, "multicast_ttl") => s.set_multicast_ttl_v4(int(v)?),
        (Level::Ip, "recvtos") => s.set_recv_tos_v4(boolean(v)?),
        (Level::Ip, "tos") => s.set_tos_v4(int(v)?),
        (Level::Ip, "ttl") => s.set_ttl_v4(int(v)?),
        (Level::Ipv6, "multicast_hops") => s.set_multicast_hops_v6(int(v)?),
        (Level::Ipv6, "multicast_loop") => s.set_multicast_loop_v6(boolean(v)?),
        (Level::Ipv6, "unicast_hops") => s.set_unicast_hops_v6(int(v)?),
        (Level::Ipv6, "v6only") => s.set_only_v6(boolean(v)?),
        (Level::Tcp, "cork") => s.set_tcp_cork(boolean(v)?),
        (Level::Tcp, "keepcnt") => {
            s.set_tcp_keepalive(&socket2::TcpKeepalive::new().with_retries(int(v)?))
        }
        (Level::Tcp, "keepidle") => s.set_tcp_keepalive(
            &socket2::TcpKeepalive::new().with_time(Duration::from_secs(u64::from(int(v)?))),
        ),
        (Level::Tcp, "keepintvl") => s.set_tcp_keepalive(
            &socket2::TcpKeepalive::new().with_interval(Duration::from_secs(u64::from(int(v)?))),
        ),
        (Level::Tcp, "maxseg") => s.set_tcp_mss(int(v)?),
        (Level::Tcp, "nodelay") => s.set_tcp_nodelay(boolean(v)?),
        _ => Err(unsupported()),
    }
}

/// Reads `opt` of `s`.
pub fn get(s: &Socket, opt: &SockOpt) -> io::Result<Value> {
    let n = |r: io::Result<u32>| r.map(|v| Value::Int(i64::from(v)));
    let size = |r: io::Result<usize>| r.map(|v| Value::Int(v as i64));
    let b = |r: io::Result<bool>| r.map(Value::Bool);
    match (opt.level, opt.name) {
        (Level::Socket, "acceptconn") => b(s.is_listener()),
        (Level::Socket, "broadcast") => b(s.broadcast()),
        (Level::Socket, "domain") => s.domain().map(|d| Value::Atom(domain_name(d).into())),
        (Level::Socket, "error") => s
            .take_error()
            .map(|e| Value::Atom(e.map_or_else(|| "ok".into(), |e| crate::io::errno::name(&e)))),
        (Level::Socket, "keepalive") => b(s.keepalive()),
        (Level::Socket, "linger") => s
            .linger()
            .map(|l| Value::Linger(l.map(|d| d.as_secs() as u32))),
        (Level::Socket, "oobinline") => b(s.out_of_band_inline()),
        (Level::Socket, "priority") => n(s.priority()),
        (Level::Socket, "protocol") => s
            .protocol()
            .map(|p| Value::Int(p.map_or(0, |p| i64::from(i32::from(p))))),
        (Level::Socket, "rcvbuf") => size(s.recv_buffer_size()),
        (Level::Socket, "reuseaddr") => b(s.reuse_address()),
        (Level::Socket, "reuseport") => b(s.reuse_port()),
        (Level::Socket, "sndbuf") => size(s.send_buffer_size()),
        (Level::Socket, "type") => s.r#type().map(|t| Value::Atom(type_name(t).into())),
        (Level::Ip, "multicast_loop") => b(s.multicast_loop_v4()),
        (Level::Ip, "multicast_ttl") => n(s.multicast_ttl_v4()),
        (Level::Ip, "recvtos") => b(s.recv_tos_v4()),
        (Level::Ip, "tos") => n(s.tos_v4()),
        (Level::Ip, "ttl") => n(s.ttl_v4()),
        (Level::Ipv6, "multicast_hops") => n(s.multicast_hops_v6()),
        (Level::Ipv6, "multicast_loop") => b(s.multicast_loop_v6()),
        (Level::Ipv6, "unicast_hops") => n(s.unicast_hops_v6()),
        (Level::Ipv6, "v6only") => b(s.only_v6()),
        (Level::Tcp, "cork") => b(s.tcp_cork()),
        (Level::Tcp, "keepcnt") => n(s.tcp_keepalive_retries()),
        (Level::Tcp, "keepidle") => s
            .tcp_keepalive_time()
            .map(|d| Value::Int(d.as_secs() as i64)),
        (Level::Tcp, "keepintvl") => s
            .tcp_keepalive_interval()
            .map(|d| Value::Int(d.as_secs() as i64)),
        (Level::Tcp, "maxseg") => n(s.tcp_mss()),
        (Level::Tcp, "nodelay") => b(s.tcp_nodelay()),
        _ => Err(unsupported()),
    }
}

/// `inet`, `inet6`, `local` or `unspec`.
pub fn domain_name(d: socket2::Domain) -> &'static str {
    if d == socket2::Domain::IPV4 {
        "inet"
    } else if d == socket2::Domain::IPV6 {
        "inet6"
    } else if d == socket2::Domain::UNIX {
        "local"
    } else {
        "unspec"
    }
}

/// `stream`, `dgram`, `seqpacket` or `raw`.
pub fn type_name(t: socket2::Type) -> &'static str {
    if t == socket2::Type::STREAM {
        "stream"
    } else if t == socket2::Type::DGRAM {
        "dgram"
    } else if t == socket2::Type::SEQPACKET {
        "seqpacket"
    } else {
        "raw"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_reads_and_writes_back_on_a_fresh_socket_of_some_type() {
        let types = [socket2::Type::STREAM, socket2::Type::DGRAM];
        let sockets: Vec<Socket> = types
            .iter()
            .map(|t| Socket::new(socket2::Domain::IPV4, *t, None).unwrap())
            .collect();
        for opt in OPTIONS {
            if opt.kind == Kind::Membership || opt.level == Level::Ipv6 {
                continue;
            }
            let works = sockets.iter().any(|s| match get(s, opt) {
                Ok(v) => opt.kind == Kind::Info || set(s, opt, &v).is_ok(),
                Err(_) => false,
            });
            assert!(works, "{opt:?}");
        }
    }

    #[test]
    fn numbers_are_unique_per_level() {
        for a in OPTIONS {
            assert_eq!(find(a.level, a.number).map(|o| o.name), Some(a.name));
        }
    }
}
