defmodule AtomVM.TmpTest do
  use ExUnit.Case, async: true

  test "names carry the OS pid, so two Mix runs numbering alike never share one" do
    a = AtomVM.Tmp.path("atomvm-check")
    b = AtomVM.Tmp.path("atomvm-check", ".avm")
    assert Path.dirname(a) == System.tmp_dir!()
    assert Path.basename(a) =~ ~r/^atomvm-check-#{System.pid()}-\d+$/
    assert Path.basename(b) =~ ~r/^atomvm-check-#{System.pid()}-\d+\.avm$/
    assert a != Path.rootname(b)
  end
end
