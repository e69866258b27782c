-module(bitsyntax_ipv4).
-export([start/0]).

%% Parse and build an IPv4 header and a UDP datagram with bit syntax; compute the
%% internet checksum.
header() ->
    <<4:4, 5:4, 0:8, 28:16,
      16#1c46:16, 2:3, 0:13,
      64:8, 17:8, 0:16,
      192, 168, 0, 1,
      10, 0, 0, 99>>.

checksum(Bin) -> checksum(Bin, 0).
checksum(<<>>, Sum) -> fold(Sum);
checksum(<<X:16, Rest/binary>>, Sum) -> checksum(Rest, Sum + X).

fold(S) when S > 16#FFFF -> fold((S band 16#FFFF) + (S bsr 16));
fold(S) -> (bnot S) band 16#FFFF.

parse(<<4:4, IHL:4, _Tos:8, Len:16, Id:16, Flags:3, Frag:13, TTL:8, Proto:8, _Sum:16,
        S1, S2, S3, S4, D1, D2, D3, D4, Payload/binary>>) ->
    #{ihl => IHL, len => Len, id => Id, flags => Flags, frag => Frag, ttl => TTL,
      proto => Proto, src => {S1, S2, S3, S4}, dst => {D1, D2, D3, D4}, payload => Payload}.

start() ->
    H0 = header(),
    Sum = checksum(H0),
    erlang:display(Sum),
    <<Pre:10/binary, _:16, Post/binary>> = H0,
    H = <<Pre/binary, Sum:16, Post/binary>>,
    erlang:display(H),
    erlang:display(checksum(H)),
    Udp = <<1234:16, 53:16, 8:16, 0:16>>,
    erlang:display(parse(<<H/binary, Udp/binary>>)),
    ok.
