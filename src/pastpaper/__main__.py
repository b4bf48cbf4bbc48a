from pastpaper.cli import main

main()
