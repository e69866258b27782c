defmodule ExAppEnv do
  @app :ex_app_demo

  def start do
    IO.inspect(Application.get_env(@app, :missing), label: "get_env missing")
    IO.inspect(Application.get_env(@app, :missing, :default), label: "get_env default")
    IO.inspect(Application.fetch_env(@app, :missing), label: "fetch_env missing")

    IO.inspect(Application.put_env(@app, :port, 4000), label: "put_env")
    IO.inspect(Application.get_env(@app, :port), label: "get_env port")
    IO.inspect(Application.fetch_env(@app, :port), label: "fetch_env port")
    IO.inspect(Application.fetch_env!(@app, :port), label: "fetch_env! port")

    Application.put_env(@app, :opts, name: "demo", retries: 3, nested: [a: 1])
    IO.inspect(Application.get_env(@app, :opts), label: "keyword value")
    IO.inspect(Application.get_env(@app, :opts)[:retries], label: "keyword access")
    Application.put_env(@app, :map, %{a: 1, b: [1, 2]})
    IO.inspect(Application.get_env(@app, :map), label: "map value")

    # overwrite
    Application.put_env(@app, :port, 5000)
    IO.inspect(Application.get_env(@app, :port), label: "overwritten")

    # all env, sorted
    IO.inspect(Application.get_all_env(@app) |> Enum.sort(), label: "get_all_env")

    # fetch_env! on a missing key raises ArgumentError
    r =
      try do
        Application.fetch_env!(@app, :nope)
      rescue
        e in ArgumentError -> {:raised, e.__struct__, String.contains?(e.message, "nope")}
      end

    IO.inspect(r, label: "fetch_env! missing")

    # delete_env
    IO.inspect(Application.delete_env(@app, :port), label: "delete_env")
    IO.inspect(Application.get_env(@app, :port), label: "after delete")
    IO.inspect(Application.fetch_env(@app, :port), label: "fetch after delete")

    # env is global: visible from another process
    me = self()
    spawn(fn -> send(me, {:seen, Application.get_env(@app, :map)}) end)

    receive do
      {:seen, v} -> IO.inspect(v, label: "from other process")
    end

    # another process writes, we read
    p = spawn(fn -> Application.put_env(@app, :from_child, :yes); send(me, :written) end)
    IO.inspect(is_pid(p), label: "writer spawned")

    receive do
      :written -> IO.inspect(Application.get_env(@app, :from_child), label: "written by child")
    end

    # put_all_env
    IO.inspect(Application.put_all_env([{@app, [a: 1, b: 2]}, {:ex_app_demo_two, [c: 3]}]), label: "put_all_env")
    IO.inspect({Application.get_env(@app, :a), Application.get_env(:ex_app_demo_two, :c)}, label: "after put_all_env")

    # compile_env-like defaults via Keyword
    cfg = Keyword.merge([timeout: 100, retries: 1], Application.get_env(@app, :opts, []))
    IO.inspect(Keyword.take(cfg, [:timeout, :retries]), label: "merged config")

    # an unloaded application has no spec
    IO.inspect(Application.spec(@app), label: "spec of unloaded app")
    IO.inspect(Application.spec(:ex_app_demo_two, :vsn), label: "spec key of unloaded app")

    # the :elixir application is loaded and started
    IO.inspect(Application.spec(:elixir, :description) |> is_list(), label: "elixir description is charlist")
    IO.inspect(Enum.any?(Application.started_applications(), fn {a, _, _} -> a == :elixir end), label: "elixir started")
    IO.inspect(Enum.any?(Application.loaded_applications(), fn {a, _, _} -> a == :kernel end), label: "kernel loaded")
    IO.inspect(Application.get_application(Enum), label: "application of Enum")
    IO.inspect(Application.get_application(__MODULE__), label: "application of this module")

    # :application module directly
    IO.inspect(:application.get_env(@app, :a), label: ":application.get_env")
    IO.inspect(:application.set_env(@app, :erl_key, ~c"chars"), label: ":application.set_env")
    IO.inspect(Application.get_env(@app, :erl_key), label: "erl key")
    IO.inspect(:application.unset_env(@app, :erl_key), label: ":application.unset_env")
    IO.inspect(:application.get_env(@app, :erl_key), label: "erl key after unset")
    IO.puts("done")
  end
end
