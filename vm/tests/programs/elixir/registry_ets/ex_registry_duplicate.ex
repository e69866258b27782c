defmodule ExRegistryDuplicate do
  @reg ExRegistryDuplicate.PubSub

  def subscriber(me, topics, tag) do
    for t <- topics, do: {:ok, _} = Registry.register(@reg, t, tag)
    send(me, {:subscribed, tag})
    loop(me, tag)
  end

  defp loop(me, tag) do
    receive do
      {:broadcast, topic, msg} ->
        send(me, {:got, tag, topic, msg})
        loop(me, tag)

      :stop ->
        :ok
    end
  end

  def start do
    {:ok, _} = Registry.start_link(keys: :duplicate, name: @reg)
    me = self()

    subs =
      for {tag, topics} <- [{:s1, [:news, :sports]}, {:s2, [:news]}, {:s3, [:sports, :weather]}] do
        pid = spawn(fn -> subscriber(me, topics, tag) end)

        receive do
          {:subscribed, ^tag} -> {tag, pid}
        end
      end

    # self can register the same key more than once in a duplicate registry
    {:ok, _} = Registry.register(@reg, :news, :main1)
    {:ok, _} = Registry.register(@reg, :news, :main2)

    IO.inspect(Registry.lookup(@reg, :news) |> Enum.map(&elem(&1, 1)) |> Enum.sort(), label: "news values")
    IO.inspect(Registry.lookup(@reg, :sports) |> Enum.map(&elem(&1, 1)) |> Enum.sort(), label: "sports values")
    IO.inspect(Registry.lookup(@reg, :none), label: "none")
    IO.inspect(Registry.count(@reg), label: "count")
    IO.inspect(Registry.count_match(@reg, :news, :main1), label: "count_match main1")
    IO.inspect(Registry.match(@reg, :news, :_) |> length(), label: "match all news")
    IO.inspect(Registry.values(@reg, :news, self()) |> Enum.sort(), label: "values self")
    IO.inspect(Registry.keys(@reg, self()), label: "keys self")

    # dispatch to all entries of a key
    IO.inspect(
      Registry.dispatch(@reg, :sports, fn entries ->
        for {pid, _tag} <- entries, do: send(pid, {:broadcast, :sports, "goal"})
      end),
      label: "dispatch"
    )

    got =
      for _ <- 1..2 do
        receive do
          {:got, tag, topic, msg} -> {tag, topic, msg}
        end
      end

    IO.inspect(Enum.sort(got), label: "sports received")

    # dispatch counts entries; our own entries are in the list too
    Registry.dispatch(@reg, :news, fn entries ->
      send(me, {:news_entries, length(entries), Enum.count(entries, fn {p, _} -> p == me end)})
    end)

    receive do
      {:news_entries, n, mine} -> IO.inspect({n, mine}, label: "news entries (total, mine)")
    end

    # dispatch with a key nobody has: fun not called
    Registry.dispatch(@reg, :nobody, fn _ -> send(me, :called) end)

    called =
      receive do
        :called -> true
      after
        20 -> false
      end

    IO.inspect(called, label: "dispatch on empty key called")

    # unregister removes all of self's entries for a key
    IO.inspect(Registry.unregister(@reg, :news), label: "unregister news")
    IO.inspect(Registry.lookup(@reg, :news) |> Enum.map(&elem(&1, 1)) |> Enum.sort(), label: "news after unregister")

    # unregister_match removes matching entries only
    {:ok, _} = Registry.register(@reg, :multi, 1)
    {:ok, _} = Registry.register(@reg, :multi, 2)
    {:ok, _} = Registry.register(@reg, :multi, 3)
    IO.inspect(Registry.unregister_match(@reg, :multi, 2), label: "unregister_match")
    IO.inspect(Registry.values(@reg, :multi, self()) |> Enum.sort(), label: "multi after unregister_match")

    # select across the registry with a guard
    sel = Registry.select(@reg, [{{:"$1", :_, :"$2"}, [{:is_atom, :"$2"}], [{{:"$1", :"$2"}}]}])
    IO.inspect(Enum.sort(sel), label: "select atom values")

    # entries are removed when a subscriber dies
    {:s1, s1} = List.keyfind(subs, :s1, 0)
    ref = Process.monitor(s1)
    send(s1, :stop)

    receive do
      {:DOWN, ^ref, :process, ^s1, _} -> :ok
    end

    IO.inspect(wait_values(:sports, 1, 200), label: "sports after s1 died")

    IO.inspect(Registry.count(@reg), label: "count at end")

    for {_, p} <- subs, do: send(p, :stop)
    IO.puts("done")
  end

  defp wait_values(key, n, left) do
    vals = Registry.lookup(@reg, key) |> Enum.map(&elem(&1, 1)) |> Enum.sort()

    if length(vals) == n or left == 0 do
      vals
    else
      Process.sleep(5)
      wait_values(key, n, left - 1)
    end
  end
end
