defmodule ExTaskAsyncStream do
  def double(x), do: x * 2
  def add(x, y), do: x + y

  def start do
    # basic ordered results
    r = Task.async_stream(1..10, fn x -> x * x end) |> Enum.to_list()
    IO.inspect(r, label: "squares")

    # results are ordered even if later items finish first
    r2 =
      Task.async_stream([30, 1, 20, 2], fn ms -> Process.sleep(ms); ms end, max_concurrency: 4)
      |> Enum.map(fn {:ok, v} -> v end)

    IO.inspect(r2, label: "ordered despite timing")

    # max_concurrency: 1 runs sequentially; track the maximum number running at once
    {:ok, agent} = Agent.start_link(fn -> {0, 0} end)

    work = fn x ->
      Agent.update(agent, fn {cur, mx} -> {cur + 1, max(mx, cur + 1)} end)
      Process.sleep(2)
      Agent.update(agent, fn {cur, mx} -> {cur - 1, mx} end)
      x
    end

    Task.async_stream(1..6, work, max_concurrency: 1) |> Stream.run()
    IO.inspect(Agent.get(agent, &elem(&1, 1)), label: "max running with max_concurrency 1")

    Agent.update(agent, fn _ -> {0, 0} end)
    Task.async_stream(1..12, work, max_concurrency: 3) |> Stream.run()
    mx = Agent.get(agent, &elem(&1, 1))
    IO.inspect(mx <= 3, label: "max running <= 3")

    # module/function/args form
    r3 = Task.async_stream([1, 2, 3], __MODULE__, :add, [100]) |> Enum.to_list()
    IO.inspect(r3, label: "mfa")

    # ordered: false still yields every result
    r4 = Task.async_stream(1..8, &double/1, ordered: false) |> Enum.map(fn {:ok, v} -> v end) |> Enum.sort()
    IO.inspect(r4, label: "unordered sorted")

    # timeout with on_timeout: :kill_task
    r5 =
      Task.async_stream([1, 200, 2], fn ms -> Process.sleep(ms); ms end, timeout: 50, on_timeout: :kill_task)
      |> Enum.to_list()

    IO.inspect(r5, label: "kill_task")

    # lazy: only consume what is taken
    r6 = Task.async_stream(Stream.iterate(1, &(&1 + 1)), &double/1) |> Enum.take(5)
    IO.inspect(r6, label: "take from infinite")

    # reduce into a sum
    sum = Task.async_stream(1..100, &double/1, max_concurrency: 8) |> Enum.reduce(0, fn {:ok, v}, acc -> v + acc end)
    IO.inspect(sum, label: "sum")

    # a crashing element: with trap_exit the stream reports {:exit, reason}
    Process.flag(:trap_exit, true)

    r7 =
      Task.async_stream([1, 0, 2], fn x -> 10 / x end)
      |> Enum.map(fn
        {:exit, {reason, stack}} when is_list(stack) -> {:exit, reason}
        other -> other
      end)

    IO.inspect(r7, label: "crash in stream")

    # empty input
    IO.inspect(Task.async_stream([], &double/1) |> Enum.to_list(), label: "empty")

    # strings and tuples
    words = ~w(alpha beta gamma delta)
    r8 = Task.async_stream(words, &String.upcase/1) |> Enum.map(&elem(&1, 1))
    IO.inspect(r8, label: "upcase")
    r9 = Task.async_stream(Enum.with_index(words), fn {w, i} -> {i, byte_size(w)} end) |> Enum.map(&elem(&1, 1))
    IO.inspect(r9, label: "with index")

    # Stream pipeline composition
    r10 =
      1..20
      |> Stream.filter(&(rem(&1, 3) == 0))
      |> Task.async_stream(&(&1 * 10), max_concurrency: 2)
      |> Stream.map(fn {:ok, v} -> v + 1 end)
      |> Enum.to_list()

    IO.inspect(r10, label: "pipeline")
    Agent.stop(agent)
    IO.puts("done")
  end
end
