module example.com/printmain

go 1.21
