"""What goes out: the public download set, the data package, snapshots and their changelog."""
