defmodule ExSupChildMgmt do
  defmodule Worker do
    use Agent

    def start_link(v), do: Agent.start_link(fn -> v end)
  end

  defmodule Inner do
    use Supervisor

    def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: :ex_scm_inner)

    @impl true
    def init(n) do
      children = for i <- 1..n, do: Supervisor.child_spec({Worker, i}, id: {:inner, i})
      Supervisor.init(children, strategy: :one_for_one)
    end
  end

  defmodule Top do
    use Supervisor

    def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: :ex_scm_top)

    @impl true
    def init(:bad), do: :ignore

    def init(n) do
      children = [
        Supervisor.child_spec({Worker, :first}, id: :first),
        {Inner, n},
        Supervisor.child_spec({Worker, :last}, id: :last)
      ]

      Supervisor.init(children, strategy: :one_for_one, max_restarts: 10, max_seconds: 1)
    end
  end

  def start do
    {:ok, top} = Top.start_link(2)
    IO.inspect(Process.whereis(:ex_scm_top) == top, label: "top registered")
    show(top, "top children")
    show(:ex_scm_inner, "inner children")
    IO.inspect(Supervisor.count_children(top), label: "top count")
    IO.inspect(Supervisor.count_children(:ex_scm_inner), label: "inner count")

    # Supervisor.init result shape
    {:ok, {flags, specs}} = Supervisor.init([{Worker, 1}], strategy: :one_for_all, max_restarts: 7)
    IO.inspect(flags, label: "init flags")
    IO.inspect(Enum.map(specs, &Map.take(&1, [:id, :restart, :type, :shutdown])), label: "init specs")

    # values through which_children pids
    vals = for {_, p, :worker, _} <- Supervisor.which_children(top), do: Agent.get(p, & &1)
    IO.inspect(vals, label: "worker values")

    # terminate_child / restart_child
    IO.inspect(Supervisor.terminate_child(top, :first), label: "terminate first")
    show(top, "after terminate")
    IO.inspect(Supervisor.terminate_child(top, :first), label: "terminate again")
    IO.inspect(Supervisor.terminate_child(top, :nope), label: "terminate unknown")
    {:ok, p} = Supervisor.restart_child(top, :first)
    IO.inspect(Agent.get(p, & &1), label: "restarted value")
    IO.inspect(Supervisor.restart_child(top, :first), label: "restart running")
    IO.inspect(Supervisor.restart_child(top, :nope), label: "restart unknown")

    # delete_child
    IO.inspect(Supervisor.delete_child(top, :last), label: "delete running")
    :ok = Supervisor.terminate_child(top, :last)
    IO.inspect(Supervisor.delete_child(top, :last), label: "delete stopped")
    IO.inspect(Supervisor.delete_child(top, :last), label: "delete again")
    show(top, "after delete")

    # start_child
    {:ok, p2} = Supervisor.start_child(top, Supervisor.child_spec({Worker, :added}, id: :added))
    IO.inspect(Agent.get(p2, & &1), label: "added value")

    case Supervisor.start_child(top, Supervisor.child_spec({Worker, :dup}, id: :added)) do
      {:error, {:already_started, pid}} -> IO.inspect(pid == p2, label: "already_started")
      other -> IO.inspect(other, label: "dup other")
    end

    :ok = Supervisor.terminate_child(top, :added)
    IO.inspect(Supervisor.start_child(top, Supervisor.child_spec({Worker, :dup}, id: :added)), label: "already_present")

    # start_child with a bad spec
    r = Supervisor.start_child(top, %{id: :bad, start: {:not_a_module_xyz, :start_link, []}})
    IO.inspect(elem(r, 0), label: "bad module start")
    show(top, "final top children")

    # terminating the inner supervisor takes its children down
    inner = Process.whereis(:ex_scm_inner)
    inner_kids = for {_, kp, _, _} <- Supervisor.which_children(inner), do: Process.monitor(kp)
    :ok = Supervisor.terminate_child(top, Inner)

    downs =
      for r <- inner_kids do
        receive do
          {:DOWN, ^r, _, _, reason} -> reason
        end
      end

    IO.inspect(downs, label: "inner children down")
    IO.inspect(Process.whereis(:ex_scm_inner), label: "inner unregistered")
    {:ok, _} = Supervisor.restart_child(top, Inner)
    IO.inspect(Supervisor.count_children(:ex_scm_inner), label: "inner restarted count")

    # init returning :ignore
    Supervisor.stop(top)
    IO.inspect(Top.start_link(:bad), label: "ignore start")
    IO.puts("done")
  end

  defp show(sup, label) do
    kids = Supervisor.which_children(sup)
    IO.inspect(Enum.map(kids, fn {id, p, t, m} -> {id, is_pid(p), t, m} end), label: label)
  end
end
