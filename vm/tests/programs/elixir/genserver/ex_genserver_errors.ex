defmodule ExGenserverErrors do
  defmodule Server do
    use GenServer

    @impl true
    def init(st), do: {:ok, st}

    @impl true
    def handle_call(:ok, _from, st), do: {:reply, :ok, st}
    def handle_call(:bad_return, _from, _st), do: :bogus
    def handle_call(:exit, _from, _st), do: exit(:exit_in_call)
    def handle_call(:throw_reply, _from, st), do: throw({:reply, :thrown_reply, st})
    def handle_call(:badmatch, _from, st) do
      {:a, x} = Enum.at([{:b, st}], 0)
      {:reply, x, st}
    end
    def handle_call(:div, _from, st), do: {:reply, 1 / st, st}

    @impl true
    def handle_cast(:crash, _st), do: raise(KeyError, key: :k, term: %{})
    def handle_cast(:bad_return, _st), do: {:weird}

    @impl true
    def handle_info(:crash, _st), do: exit({:info_crash, 1})
    def handle_info(:ok, st), do: {:noreply, st}
  end

  def start do
    run("call ok", fn s -> GenServer.call(s, :ok) end)
    run("call bad_return", fn s -> GenServer.call(s, :bad_return) end)
    run("call exit", fn s -> GenServer.call(s, :exit) end)
    run("call throw reply", fn s -> GenServer.call(s, :throw_reply) end)
    run("call badmatch", fn s -> GenServer.call(s, :badmatch) end)
    run("call div zero", fn s -> GenServer.call(s, :div) end, 0)
    run("call div ok", fn s -> GenServer.call(s, :div) end, 4)
    run("cast crash", fn s -> GenServer.cast(s, :crash) end)
    run("cast bad_return", fn s -> GenServer.cast(s, :bad_return) end)
    run("info crash", fn s -> send(s, :crash) end)
    run("info ok", fn s -> send(s, :ok) end)

    # a message without a matching handle_info clause crashes the server
    unknown_info()
    IO.puts("done")
  end

  defp unknown_info do
    {:ok, s} = GenServer.start(Server, 1)
    ref = Process.monitor(s)
    # unknown info: Server has no catch-all handle_info -> FunctionClauseError
    send(s, :unknown_info)

    receive do
      {:DOWN, ^ref, :process, ^s, {%FunctionClauseError{function: f, arity: a}, _}} ->
        IO.inspect({f, a}, label: "unknown info down")

      {:DOWN, ^ref, :process, ^s, {:function_clause, [{m, f, args, _} | _]}} ->
        IO.inspect({m, f, args}, label: "unknown info down")
    end
  end

  defp run(label, f, init \\ 1) do
    {:ok, s} = GenServer.start(Server, init)
    ref = Process.monitor(s)

    result =
      try do
        f.(s)
      catch
        :exit, {reason, {GenServer, :call, _}} -> {:call_exit, short(reason)}
      end

    IO.inspect(result, label: label <> " result")

    # check whether the server is still alive by calling it, then stop it
    alive =
      try do
        GenServer.call(s, :ok, 500)
      catch
        :exit, _ -> :dead
      end

    down =
      if alive == :ok do
        GenServer.stop(s)

        receive do
          {:DOWN, ^ref, :process, ^s, r} -> {:stopped, r}
        end
      else
        receive do
          {:DOWN, ^ref, :process, ^s, r} -> {:crashed, short(r)}
        end
      end

    IO.inspect({alive, down}, label: label <> " after")
  end

  defp short({%{__exception__: true} = e, stack}) when is_list(stack), do: {e.__struct__, Exception.message(e)}
  defp short({:function_clause, [{m, f, args, _} | _]}), do: {:function_clause, m, f, args}
  defp short({reason, stack}) when is_list(stack) and stack != [] and is_tuple(hd(stack)), do: {reason, :stack}
  defp short(r), do: r
end
