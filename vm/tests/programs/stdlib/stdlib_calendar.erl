-module(stdlib_calendar).
-export([start/0]).

%% calendar computations on fixed dates (never the current time): day numbers,
%% weekdays, leap years, month lengths, datetime <-> seconds, ISO weeks, RFC 3339.
start() ->
    erlang:display(calendar:date_to_gregorian_days(2000, 1, 1)),
    erlang:display(calendar:gregorian_days_to_date(738000)),
    erlang:display([calendar:day_of_the_week(D) || D <- [{1970, 1, 1}, {2000, 2, 29}, {2024, 12, 25}]]),
    erlang:display([calendar:is_leap_year(Y) || Y <- [1900, 2000, 2023, 2024]]),
    erlang:display([calendar:last_day_of_the_month(2024, M) || M <- lists:seq(1, 12)]),
    S = calendar:datetime_to_gregorian_seconds({{2021, 3, 14}, {15, 9, 26}}),
    erlang:display(S),
    erlang:display(calendar:gregorian_seconds_to_datetime(S + 86400 * 365)),
    erlang:display(calendar:valid_date(2023, 2, 29)),
    erlang:display(calendar:iso_week_number({2021, 1, 3})),
    erlang:display(calendar:time_difference({{2020, 1, 1}, {0, 0, 0}}, {{2020, 3, 1}, {12, 30, 0}})),
    erlang:display(calendar:seconds_to_daystime(100000)),
    erlang:display(calendar:system_time_to_rfc3339(1000000000, [{offset, "Z"}])),
    erlang:display(calendar:rfc3339_to_system_time("2001-09-09T01:46:40Z")),
    ok.
