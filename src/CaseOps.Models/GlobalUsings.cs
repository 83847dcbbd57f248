// Namespaces nearly every file of this project uses; the files name only the others.
global using System;
global using System.Collections.Generic;
