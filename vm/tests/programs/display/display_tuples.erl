-module(display_tuples).
-export([start/0, id/1]).

%% Tuples and tuple BIFs.
id(X) -> X.

start() ->
    T = ?MODULE:id({a, 1, "two", {3, 4}, [5]}),
    erlang:display(T),
    erlang:display(tuple_size(T)),
    erlang:display(size(T)),
    erlang:display(element(1, T)),
    erlang:display(element(4, T)),
    erlang:display(element(2, element(4, T))),
    erlang:display(setelement(1, T, b)),
    erlang:display(setelement(5, T, last)),
    erlang:display(T),
    erlang:display(erlang:make_tuple(3, x)),
    erlang:display(erlang:make_tuple(5, 0, [{2, two}, {4, four}])),
    erlang:display(erlang:append_element(T, new)),
    erlang:display(erlang:delete_element(2, T)),
    erlang:display(erlang:insert_element(2, T, ins)),
    erlang:display(tuple_to_list(T)),
    erlang:display(list_to_tuple([1, 2, 3])),
    erlang:display({}),
    erlang:display(tuple_size({})),
    erlang:display({{}}),
    Big = list_to_tuple(lists:seq(1, 300)),
    erlang:display(tuple_size(Big)),
    erlang:display(element(300, Big)),
    erlang:display(element(150, setelement(150, Big, changed))),
    {A, B, _, {C, _}, _} = T,
    erlang:display([A, B, C]),
    ok.
