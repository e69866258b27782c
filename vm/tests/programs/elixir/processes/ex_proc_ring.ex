defmodule ExProcRing do
  # a ring of N processes passing a token M times around
  def node_loop(next) do
    receive do
      {:token, 0, acc, main} ->
        send(main, {:done, acc})
        node_loop(next)

      {:token, n, acc, main} ->
        send(next, {:token, n - 1, [n | acc], main})
        node_loop(next)

      {:set_next, nx} ->
        node_loop(nx)

      :stop ->
        send(next, :stop)
    end
  end

  def start do
    main = self()

    for size <- [1, 2, 5, 50] do
      nodes = for _ <- 1..size, do: spawn(fn -> node_loop(nil) end)
      [first | _] = nodes
      nexts = tl(nodes) ++ [first]
      Enum.zip(nodes, nexts) |> Enum.each(fn {n, nx} -> send(n, {:set_next, nx}) end)
      send(first, {:token, 20, [], main})

      receive do
        {:done, acc} -> IO.inspect({size, length(acc), Enum.sum(acc), Enum.take(acc, 3)}, label: "ring")
      end

      refs = Enum.map(nodes, &Process.monitor/1)
      send(first, :stop)

      reasons =
        for r <- refs do
          receive do
            {:DOWN, ^r, :process, _, reason} -> reason
          end
        end

      IO.inspect(Enum.uniq(reasons), label: "ring stopped")
    end

    # pipeline: each stage applies a function and forwards
    stages = [&(&1 + 1), &(&1 * 2), &(&1 - 3), &(&1 * &1)]

    last =
      Enum.reduce(Enum.reverse(stages), main, fn f, nxt ->
        spawn(fn -> stage(f, nxt) end)
      end)

    for i <- 1..5, do: send(last, {:val, i})

    results =
      for _ <- 1..5 do
        receive do
          {:val, v} -> v
        end
      end

    IO.inspect(results, label: "pipeline")

    # parallel map with ordered collection
    pmap = pmap(Enum.to_list(1..20), fn x -> x * x * x end)
    IO.inspect(Enum.take(pmap, 5), label: "pmap head")
    IO.inspect(Enum.sum(pmap), label: "pmap sum")

    # spawn_link chain of depth 30, the last one dies, all die
    Process.flag(:trap_exit, true)
    top = spawn_link(fn -> chain(30) end)

    receive do
      {:EXIT, ^top, reason} -> IO.inspect(reason, label: "chain exit")
    end

    # tree of processes summing values
    IO.inspect(tree_sum(1, 64), label: "tree sum")

    # counting process with many messages
    counter = spawn(fn -> count(0) end)
    for _ <- 1..1000, do: send(counter, :inc)
    send(counter, {:get, main})

    receive do
      {:count, c} -> IO.inspect(c, label: "count")
    end

    IO.puts("done")
  end

  defp stage(f, nxt) do
    receive do
      {:val, v} ->
        send(nxt, {:val, f.(v)})
        stage(f, nxt)
    end
  end

  defp pmap(list, f) do
    me = self()
    pids = Enum.map(list, fn x -> spawn(fn -> send(me, {self(), f.(x)}) end) end)

    Enum.map(pids, fn p ->
      receive do
        {^p, v} -> v
      end
    end)
  end

  defp chain(0), do: exit(:bottom)

  defp chain(n) do
    spawn_link(fn -> chain(n - 1) end)
    Process.sleep(:infinity)
  end

  defp tree_sum(lo, hi) when hi - lo < 4, do: Enum.sum(lo..hi)

  defp tree_sum(lo, hi) do
    mid = div(lo + hi, 2)
    me = self()
    l = spawn(fn -> send(me, {:l, tree_sum(lo, mid)}) end)
    r = spawn(fn -> send(me, {:r, tree_sum(mid + 1, hi)}) end)
    true = is_pid(:erlang.hd([l])) and is_pid(:erlang.hd([r]))

    a =
      receive do
        {:l, v} -> v
      end

    b =
      receive do
        {:r, v} -> v
      end

    a + b
  end

  defp count(n) do
    receive do
      :inc -> count(n + 1)
      {:get, from} -> send(from, {:count, n})
    end
  end
end
