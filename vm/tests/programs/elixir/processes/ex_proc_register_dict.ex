defmodule ExProcRegisterDict do
  def start do
    parent = self()

    # register / whereis / registered
    p = spawn(fn -> loop() end)
    IO.inspect(Process.register(p, :ex_reg_worker), label: "register")
    IO.inspect(Process.whereis(:ex_reg_worker) == p, label: "whereis matches")
    IO.inspect(:ex_reg_worker in Process.registered(), label: "in registered")
    {:registered_name, rn} = Process.info(p, :registered_name)
    IO.inspect(rn, label: "registered_name")

    # send by name
    send(:ex_reg_worker, {:ping, parent})

    receive do
      :pong -> IO.puts("pong by name")
    end

    # registering the same name twice raises
    q = spawn(fn -> loop() end)

    r =
      try do
        Process.register(q, :ex_reg_worker)
      rescue
        e in ArgumentError -> {:error, e.__struct__}
      end

    IO.inspect(r, label: "double register")

    # whereis of unknown
    IO.inspect(Process.whereis(:ex_reg_nobody), label: "whereis unknown")

    # sending to an unregistered name raises
    r2 =
      try do
        send(:ex_reg_nobody, :hi)
      rescue
        ArgumentError -> :badarg
      end

    IO.inspect(r2, label: "send to unknown name")

    # unregister
    IO.inspect(Process.unregister(:ex_reg_worker), label: "unregister")
    IO.inspect(Process.whereis(:ex_reg_worker), label: "whereis after unregister")
    IO.inspect(Process.register(q, :ex_reg_worker), label: "register q")
    IO.inspect(Process.whereis(:ex_reg_worker) == q, label: "now q")

    # name is released when the process dies
    ref = Process.monitor(q)
    send(q, :stop)

    receive do
      {:DOWN, ^ref, :process, _, _} -> :ok
    end

    IO.inspect(Process.whereis(:ex_reg_worker), label: "whereis after death")

    # register self
    Process.register(self(), :ex_reg_main)
    IO.inspect(Process.whereis(:ex_reg_main) == self(), label: "self registered")
    send(:ex_reg_main, :to_self)

    receive do
      :to_self -> IO.puts("got message sent to own name")
    end

    Process.unregister(:ex_reg_main)
    send(p, :stop)

    # process dictionary
    IO.inspect(Process.get(:k), label: "get missing")
    IO.inspect(Process.get(:k, :default), label: "get default")
    IO.inspect(Process.put(:k, 1), label: "put first")
    IO.inspect(Process.put(:k, 2), label: "put second")
    IO.inspect(Process.get(:k), label: "get k")
    Process.put({:tuple, :key}, [1, 2, 3])
    Process.put("str", %{a: 1})
    IO.inspect(Process.get({:tuple, :key}), label: "tuple key")
    IO.inspect(Process.get("str"), label: "string key")
    keys = Process.get_keys() |> Enum.filter(&(&1 in [:k, {:tuple, :key}, "str"])) |> Enum.sort()
    IO.inspect(keys, label: "get_keys")
    Process.put(:other, 2)
    IO.inspect(Enum.sort(Process.get_keys(2)), label: "get_keys for value 2")
    IO.inspect(Process.delete(:k), label: "delete")
    IO.inspect(Process.delete(:k), label: "delete again")
    IO.inspect(Process.get(:k), label: "get after delete")

    own = Process.get() |> Enum.filter(fn {k, _} -> k in [:other, "str", {:tuple, :key}] end) |> Enum.sort()
    IO.inspect(own, label: "get all filtered")

    # dictionary is per process
    child =
      spawn(fn ->
        before = Process.get(:other)
        Process.put(:other, :child_value)
        send(parent, {:child_dict, before, Process.get(:other)})
      end)

    receive do
      {:child_dict, b, a} -> IO.inspect({b, a}, label: "child dict")
    end

    IO.inspect(Process.get(:other), label: "parent dict unchanged")
    IO.inspect(is_pid(child), label: "child is pid")

    # dictionary visible via Process.info
    {:dictionary, d} = Process.info(self(), :dictionary)
    IO.inspect(Keyword.get(d, :other), label: "info dictionary")
    IO.puts("done")
  end

  defp loop do
    receive do
      {:ping, from} ->
        send(from, :pong)
        loop()

      :stop ->
        :ok
    end
  end
end
