from inspector_app.cli import main

if __name__ == "__main__":  # not when multiprocessing's spawn re-imports the main module (font build workers)
    raise SystemExit(main())
