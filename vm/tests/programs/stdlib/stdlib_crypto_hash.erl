-module(stdlib_crypto_hash).
-export([start/0]).

%% crypto:hash/2 over binaries and iolists, every SHA-1/SHA-2 size and MD5.
start() ->
    Data = [<<>>, <<"abc">>, [<<"a">>, "bc"], binary:copy(<<"x">>, 1000)],
    [erlang:display({T, crypto:hash(T, D)})
     || T <- [md5, sha, sha224, sha256, sha384, sha512], D <- Data],
    erlang:display(try crypto:hash(no_such_digest, <<>>) catch error:_ -> error end),
    erlang:display(try crypto:hash(sha256, not_iodata) catch error:_ -> error end).
