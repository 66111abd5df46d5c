from passerelle.cli.app import main

main()
