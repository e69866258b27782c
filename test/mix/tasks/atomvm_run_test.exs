defmodule Mix.Tasks.Atomvm.RunTest do
  # Runs `mix atomvm.run` in a fixture project, as a user would. The first run may
  # build the host VM (a release build of `vm/`), so this is slow the first time.
  use ExUnit.Case, async: false

  alias AtomVM.Test.Fixture

  @moduletag :fixture
  @moduletag timeout: 600_000

  setup_all do
    base = Path.join(System.tmp_dir!(), "atomvm_run_#{System.unique_integer([:positive])}")
    File.rm_rf!(base)
    app = Fixture.create_runnable!(base)
    on_exit(fn -> File.rm_rf!(base) end)
    %{app: app}
  end

  test "non-ASCII output reaches the terminal unchanged, whatever the locale", %{app: app} do
    for env <- [[{"LANG", "C.UTF-8"}], [{"LANG", nil}, {"LC_ALL", nil}, {"LC_CTYPE", nil}]] do
      {output, 0} = Fixture.mix(app, ["atomvm.run", "--start", "RunApp.Utf8"], env)
      assert output =~ "é\n%{word: \"HÉLLO\"}\n", inspect({env, output})
    end
  end

  test "packs and runs the project: config, priv files, OTP and AtomVM APIs", %{app: app} do
    {output, status} = Fixture.mix(app, ["atomvm.run"])
    assert status == 0, output
    assert output =~ "Wrote run_app.avm"

    assert output =~
             "configured hello\nfrom priv\nanswer: 42\nplatform: generic_unix\nmachine: BEAM\n"

    assert File.regular?(Path.join(app, "run_app.avm"))
  end

  test "runs an existing archive with --avm, the same bytes as were packed", %{app: app} do
    {_, 0} = Fixture.mix(app, ["atomvm.packbeam", "-o", "copy.avm"])
    {output, status} = Fixture.mix(app, ["atomvm.run", "--avm", "copy.avm"])
    assert status == 0, output
    refute output =~ "Wrote"
    assert output =~ "from priv\nanswer: 42\n"
  end

  test "a crashing start module exits with status 1 and a readable report", %{app: app} do
    {output, status} = Fixture.mix(app, ["atomvm.run", "--start", "RunApp.Crash"])
    assert status == 1, output
    assert output =~ "about to crash\n"
    assert output =~ "atomvm: RunApp.Crash:start/0 raised an exception"
    assert output =~ "** (RuntimeError) boom from the start module"
    assert output =~ "RunApp.Crash.start/0"
  end

  test "the program calls a server on the host, and the host calls the program's", %{app: app} do
    {:ok, l} = :gen_tcp.listen(0, [:binary, active: false, ip: {127, 0, 0, 1}, packet: 2])
    {:ok, port} = :inet.port(l)
    parent = self()

    spawn_link(fn ->
      # The first run may build the VM before the program starts.
      {:ok, s} = :gen_tcp.accept(l, 300_000)
      {:ok, vm_port} = :gen_tcp.recv(s, 0, 30_000)
      :ok = :gen_tcp.send(s, "welcome")
      opts = [:binary, active: false]
      {:ok, c} = :gen_tcp.connect({127, 0, 0, 1}, String.to_integer(vm_port), opts, 10_000)
      :ok = :gen_tcp.send(c, "hello vm")
      send(parent, {:vm_replied, :gen_tcp.recv(c, 0, 10_000)})
    end)

    env = [{"RUN_APP_HOST_PORT", Integer.to_string(port)}]
    {output, status} = Fixture.mix(app, ["atomvm.run", "--start", "RunApp.Net"], env)
    assert status == 0, output
    assert output =~ "host says: welcome\n"
    assert output =~ "served the host\n"
    assert_receive {:vm_replied, {:ok, "HELLO VM"}}, 10_000
  end

  test "AtomVM's peripheral modules raise undef and are named", %{app: app} do
    {output, status} = Fixture.mix(app, ["atomvm.run", "--start", "RunApp.Gpio"])
    assert status == 1, output
    assert output =~ "`gpio` is an AtomVM peripheral module, available on devices only"
    assert output =~ "(UndefinedFunctionError) function :gpio.set_pin_mode/2 is undefined"
  end

  test "a start module that does not exist is a clear error", %{app: app} do
    {output, status} = Fixture.mix(app, ["atomvm.run", "--start", "RunApp.Missing"])
    assert status != 0
    assert output =~ "start module RunApp.Missing is not a module of :run_app"
  end

  test "a missing archive is a clear error", %{app: app} do
    {output, status} = Fixture.mix(app, ["atomvm.run", "--avm", "nope.avm"])
    assert status != 0
    assert output =~ "nope.avm: no such file"
  end

  test "a malformed archive is refused by the VM with a reason", %{app: app} do
    File.write!(Path.join(app, "bad.avm"), "#!/usr/bin/env AtomVM\n\0\0garbage")
    {output, status} = Fixture.mix(app, ["atomvm.run", "--avm", "bad.avm"])
    assert status == 2, output
    assert output =~ "atomvm: bad.avm:"
  end
end
