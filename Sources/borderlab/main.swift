print("borderlab")
