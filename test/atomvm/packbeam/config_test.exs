defmodule AtomVM.Packbeam.ConfigTest do
  use ExUnit.Case, async: true

  alias AtomVM.Packbeam.Config

  defp project(atomvm), do: [app: :my_app, atomvm: atomvm]

  test "defaults: APP.avm, lines kept, no pruning, no stdlib" do
    assert {:ok, config} = Config.new([app: :my_app], [])

    assert config == %Config{
             app: :my_app,
             start: nil,
             output: "my_app.avm",
             prune: false,
             strip_lines: false,
             include_stdlib: false
           }
  end

  test "mix.exs keys are read, and the command line wins over them" do
    atomvm = [start: MyApp, output: "a.avm", prune: true, strip_lines: true]
    assert {:ok, config} = Config.new(project(atomvm), [])

    assert {config.start, config.output, config.prune, config.strip_lines} ==
             {MyApp, "a.avm", true, true}

    cli = [start: "other_mod", output: "b.avm", prune: false, strip_lines: false]
    assert {:ok, config} = Config.new(project(atomvm), cli)

    assert {config.start, config.output, config.prune, config.strip_lines} ==
             {:other_mod, "b.avm", false, false}
  end

  test "invalid values name the key" do
    assert Config.new(project(prune: "yes"), []) ==
             {:error, {:invalid_config, :prune, "yes", "true or false"}}

    assert Config.new(project(start: "MyApp"), []) ==
             {:error, {:invalid_config, :start, "MyApp", "a module name"}}

    assert Config.new(project(output: 7), []) ==
             {:error, {:invalid_config, :output, 7, "a file path"}}

    assert {:error, {:invalid_config, :atomvm, _, _}} = Config.new(project(:oops), [])

    assert AtomVM.Messages.message({:invalid_config, :prune, "yes", "true or false"}) ==
             ~s(invalid `atomvm: [prune: "yes"]` in mix.exs: expected true or false)
  end

  test "module names from the command line" do
    assert Config.parse_module("MyApp.Main") == MyApp.Main
    assert Config.parse_module("Elixir.MyApp") == MyApp
    assert Config.parse_module("my_mod") == :my_mod
    assert Config.parse_module(":My.Erl") == :"My.Erl"
  end
end
