defmodule Mix.Tasks.Atomvm.RunDeviceTest do
  # `mix atomvm.run --lib device`: the program on AtomVM's real library (`atomvmlib`
  # from ../shared/atomvm-mirror, served over HTTP as a firewalled user's mirror).
  use ExUnit.Case, async: false

  alias AtomVM.Test.{Fixture, HTTPServer}

  @moduletag :fixture
  @moduletag :atomvm_mirror

  setup_all do
    mirror = Fixture.atomvm_mirror()
    base = Path.join(System.tmp_dir!(), "atomvm_run_device_#{System.unique_integer([:positive])}")
    File.rm_rf!(base)
    {server, url} = HTTPServer.start!(Fixture.mirror_routes(mirror))
    check = Fixture.create_checkable!(Path.join(base, "check"))
    device = Fixture.create_device_runnable!(Path.join(base, "device"))
    env = [{"ATOMVM_FIRMWARE_MIRROR", url}, {"XDG_CACHE_HOME", Path.join(base, "cache")}]
    {_, 0} = Fixture.mix(check, ["compile"], env)
    {_, 0} = Fixture.mix(device, ["compile"], env)
    on_exit(fn -> File.rm_rf!(base) end)
    %{server: server, check: check, device: device, env: env}
  end

  # The releases the mirror has that can run this OTP's beams.
  defp releases do
    otp = :erlang.system_info(:otp_release) |> List.to_integer()

    for {tag, {min, max}} <- [{"v0.6.6", {21, 26}}, {"v0.7.0-alpha.1", {26, 29}}],
        otp in min..max,
        do: tag
  end

  test "the mirror holds a release for this OTP" do
    assert releases() != [],
           "no atomvmlib in the mirror runs OTP #{:erlang.system_info(:otp_release)} beams"
  end

  test "a function the device's library lacks fails there, named with the release", ctx do
    for release <- releases() do
      {output, status} =
        Fixture.mix(ctx.check, ["atomvm.run", "--lib", "device", "--release", release], ctx.env)

      assert status == 1, output
      assert output =~ "Running on AtomVM #{release}'s library atomvmlib-#{release}.avm"

      # v0.6.6 lacks lists:keysort/2, the first call; v0.7 has it and stops at the next.
      missing = if release == "v0.6.6", do: "lists:keysort/2", else: "Enum.frequencies/1"
      assert output =~ "atomvm: #{missing} is not in AtomVM #{release}\n", output
      assert output =~ "undef"
    end
  end

  test "a program that uses only what the device has prints the same in both modes", ctx do
    {on_otp, 0} = Fixture.mix(ctx.device, ["atomvm.run"], ctx.env)
    assert on_otp =~ "hello\n[2, 4, 6]\n[6,4,2] {a,1}\nsum 12\nFF\n"

    for release <- releases() do
      {on_device, status} =
        Fixture.mix(ctx.device, ["atomvm.run", "--lib", "device", "--release", release], ctx.env)

      assert status == 0, on_device
      # The run ends as AtomVM's Unix build ends one: the return value on stderr (which
      # reaches this output unordered with the program's standard output).
      assert on_device =~ "Return value: ok\n"

      program = fn text ->
        text
        |> String.split("\n")
        |> Enum.reject(&(&1 == "Return value: ok"))
        |> Enum.drop_while(&(&1 != "hello"))
      end

      assert program.(on_device) == program.(on_otp)
    end
  end

  test "the library is downloaded once, verified, then taken from the cache", ctx do
    [release | _] = releases()

    {output, _} =
      Fixture.mix(ctx.device, ["atomvm.run", "--lib", "device", "--release", release], ctx.env)

    assert output =~ ~r/library atomvmlib-#{release}\.avm \((cached|downloaded, verified)\)/

    {output, 0} =
      Fixture.mix(ctx.device, ["atomvm.run", "--lib", "device", "--release", release], ctx.env)

    assert output =~ "library atomvmlib-#{release}.avm (cached)"
  end
end
